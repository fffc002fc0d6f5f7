import { z } from 'zod';
import type { StoryDocument } from './document/index.js';

/*
 * The content vocabulary, declared once here as zod schemas (the admin API validates with them) with
 * the TypeScript types derived from them. Every other module, the adapters and the admin app import
 * these; none restates them.
 */

/** Where a translation's text comes from. The original is the story's first language version. */
export const provenanceSchema = z.enum(['original', 'newsroom', 'machine', 'partner']);
export type Provenance = z.infer<typeof provenanceSchema>;

/** A language version's place in the workflow (newsroom/editorial/workflow.ts moves it). */
export const storyStatusSchema = z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']);
export type StoryStatus = z.infer<typeof storyStatusSchema>;

export const topicKindSchema = z.enum(['place', 'person', 'organization', 'theme']);
export type TopicKind = z.infer<typeof topicKindSchema>;

/** What a story asks of its reader (the paywall decides with it): see src/modules/paywall/CONTEXT.md. */
export const accessLevelSchema = z.enum(['public', 'metered', 'registered', 'paid']);
export type AccessLevel = z.infer<typeof accessLevelSchema>;
export const ACCESS_LEVELS = accessLevelSchema.options;

export interface ImageView {
  id: string;
  path: string;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  /** Locale the alt text and caption are written in (may differ from the edition). */
  textLocale: string;
  creditAgency: string | null;
  creditPhotographer: string | null;
  /** Resized encodings for srcset (AVIF, WebP, the master); absent for images stored as one file. */
  renditions?: ImageRenditionView[];
}

export interface ImageRenditionView {
  /** 'avif' | 'webp' | 'jpeg' | 'png' */
  format: string;
  width: number;
  height: number;
  path: string;
}

export interface NamedLink {
  id: string;
  name: string;
  slug: string;
  /** The locale the name is written in; differs from the edition when it fell back. */
  locale: string;
}

export interface TopicLink extends NamedLink {
  kind: TopicKind;
}

/** One entry of a listing: a story as one edition shows it. */
export interface StorySummary {
  storyId: string;
  translationId: string;
  locale: string;
  title: string;
  dek: string;
  slug: string;
  publishedAt: Date;
  isFallback: boolean;
  section: NamedLink | null;
  leadImage: ImageView | null;
  authors: NamedLink[];
}

export interface TranslationRef {
  id: string;
  locale: string;
  slug: string;
  title: string;
  publishedAt: Date;
  isOriginal: boolean;
}

/** Where an edition lists a story: under its own translation, or a fallback in another language. */
export interface EditionListing {
  edition: string;
  /** The listed translation's slug and the entry's date: the story's URL in that edition. */
  slug: string;
  publishedAt: Date;
  locale: string;
}

/** Everything the story page shows, for one edition. */
export interface StoryView extends StorySummary {
  /**
   * The stored document, all of it. Only `readStory` (modules/reading) touches it, to hand it to
   * the paywall; views receive a `GatedStoryPage` whose body is the paywall's cut (`GatedDocument`).
   */
  body: StoryDocument;
  /** Who may read the body; an unknown stored value reads as 'paid' (fail closed). */
  accessLevel: AccessLevel;
  updatedAt: Date;
  isOriginal: boolean;
  translatedFrom: string | null;
  provenance: Provenance;
  provenanceCredit: string | null;
  readingMinutes: number;
  originalLocale: string;
  topics: TopicLink[];
  /** Every published translation of the story, this one included. */
  translations: TranslationRef[];
  /** Every edition that lists the story by now, and under which URL (the header's language links). */
  listings: EditionListing[];
  /** Search-engine title and description set by the editor, when they differ from headline and dek. */
  seoTitle: string | null;
  seoDescription: string | null;
  /** Renditions of library images the body shows, by image id (for responsive body images). */
  bodyImages: Record<string, ImageRenditionView[]>;
  /** Dated correction and update notes appended by editors, oldest first. */
  corrections: { kind: 'correction' | 'update'; text: string; at: Date }[];
}

export interface Page<T> {
  items: T[];
  /** How many there are; with `capped`, at least this many (counting stops at a bound). */
  total: number;
  capped?: boolean;
  page: number;
  pageSize: number;
}
