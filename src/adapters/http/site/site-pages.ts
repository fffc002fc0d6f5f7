import type { NamedLink } from '../../../modules/content/index.js';
import type { ReaderService } from '../../../modules/content/index.js';
import type { Edition, Editions } from '../../../modules/editions/index.js';
import { formatDate, formatNumber, textDirection } from '../../../modules/editions/index.js';
import type { Clock } from '../../../shared/clock.js';
import type { Logger } from '../../../shared/logger.js';
import { createTranslator, type Catalogs } from '../../../shared/i18n/index.js';
import type { PageContext, SignedInMember, SiteAssets } from './page-context.js';
import type { Rendered } from './views/listing-views.js';
import { layout } from './views/layout-view.js';

export interface SitePagesDeps {
  editions: Editions;
  catalogs: Catalogs;
  reader: ReaderService;
  assets: SiteAssets;
  publicUrl: string;
  timeZone: string;
  clock: Clock;
  /** How long the navigation (sections) is reused before it is read again. */
  navigationTtlMs: number;
}

/** Builds the per-edition page context (language, formats, navigation) and wraps pages in the layout. */
export class SitePages {
  private readonly navigation = new Map<string, { sections: NamedLink[]; expires: number }>();
  private readonly languageNames = new Map<string, Intl.DisplayNames>();

  constructor(private readonly deps: SitePagesDeps) {}

  private async sections(edition: Edition): Promise<NamedLink[]> {
    const cached = this.navigation.get(edition.locale);
    const now = Date.now();
    if (cached && cached.expires > now) return cached.sections;
    const sections = await this.deps.reader.sections(edition);
    this.navigation.set(edition.locale, { sections, expires: now + this.deps.navigationTtlMs });
    return sections;
  }

  /** Reads the navigation again on the next page (a section was added or renamed). */
  forgetNavigation(): void {
    this.navigation.clear();
  }

  private displayNames(locale: string): Intl.DisplayNames {
    let names = this.languageNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
      this.languageNames.set(locale, names);
    }
    return names;
  }

  /**
   * The page context of one request. A page still renders when the navigation cannot be read (the
   * sections are left out), and the failure is logged on `log`: the request's logger, so the line
   * carries the request id. `member` (the signed-in member the header names) is passed only for a
   * page sent `private, no-store` and never kept in a cache.
   */
  async context(edition: Edition, path: string, log?: Logger, member: SignedInMember | null = null): Promise<PageContext> {
    const { deps } = this;
    const locale = edition.locale;
    const translator = createTranslator(deps.catalogs, locale, deps.editions.defaultLocale);
    const timeZone = deps.timeZone;
    return {
      edition,
      editions: deps.editions,
      t: translator.t,
      dir: textDirection(locale),
      sections: await this.sections(edition).catch((error: unknown) => {
        log?.error({ err: error, locale }, 'navigation unavailable; the page is shown without its sections');
        return [];
      }),
      assets: deps.assets,
      publicUrl: deps.publicUrl,
      path,
      timeZone,
      now: deps.clock.now(),
      date: (d) => formatDate(d, locale, { timeZone, ...(edition.digits && { digits: edition.digits }) }),
      number: (n) => formatNumber(n, locale, edition.digits),
      languageName: (other) => this.displayNames(locale).of(other) ?? other,
      member,
    };
  }

  page(ctx: PageContext, rendered: Rendered): string {
    return layout(ctx, rendered.meta, rendered.main);
  }
}
