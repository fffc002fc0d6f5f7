import type { NamedLink } from '../../../modules/content/index.js';
import type { Edition, Editions } from '../../../modules/editions/index.js';
import type { Translator } from '../../../shared/i18n/index.js';

/** What every reader page needs besides its own data: the edition, its language and the chrome. */
export interface PageContext {
  edition: Edition;
  editions: Editions;
  t: Translator['t'];
  dir: 'ltr' | 'rtl';
  sections: NamedLink[];
  assets: SiteAssets;
  publicUrl: string;
  /** The request path, for canonical links and the edition switcher. */
  path: string;
  timeZone: string;
  /** "Now" from the injected clock, when the page was rendered. */
  now: Date;
  date(d: Date): string;
  /** A language's name in the edition's language ("İngilizce" in the Turkish edition). */
  languageName(locale: string): string;
  number(n: number): string;
  /**
   * The signed-in member the header names, or null. Only ever set on pages that are this reader's
   * alone (sent `private, no-store`, never kept in the page cache): see `SiteMembers`.
   */
  member: SignedInMember | null;
}

/** What the header shows of a signed-in member: members have no display name, so their email. */
export interface SignedInMember {
  email: string;
}

export interface SiteAssets {
  stylesheet: string;
  icon: string;
}

/** Head metadata a page hands to the layout. */
export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  alternates?: { hreflang: string; href: string }[];
  og?: { type: 'website' | 'article'; image?: { url: string; width: number; height: number; alt: string } | null; locale?: string };
  article?: { publishedTime: string; modifiedTime: string; section?: string; tags?: string[] };
  jsonLd?: unknown;
  noindex?: boolean;
  /**
   * Where the header's link to another edition goes, by edition (a story: the page under which
   * that edition lists it); an edition left out links to its home.
   */
  editionLinks?: ReadonlyMap<string, string>;
}
