import type { ReaderService } from '../../../modules/content/reader-service.js';
import type { Editions } from '../../../modules/editions/edition.js';
import type { ReadStory, StoryPaywall } from '../../../modules/reading/index.js';
import type { PageCaching } from '../plugins/page-caching.js';
import type { CrawlerVerifier } from './crawler-verification.js';
import type { SitePages } from './site-pages.js';

/** Who is reading (the paywall's `ReaderState` and a member's id): the port is the reading module's. */
export type { ReaderResolver, ResolvedReader } from '../../../modules/reading/index.js';

/** A plan as the paywall box lists it (from the members module's plans, in the edition's language). */
export interface PaywallPlan {
  /** A free plan (registration) is offered only when registering is what the reader is asked to do. */
  kind?: 'free' | 'paid';
  name: string;
  /** Formatted for the edition ("$8 a month"), or null to leave it to the subscribe page. */
  price: string | null;
  benefits: string[];
}

/**
 * What the story route needs to apply the paywall (src/modules/paywall) to a story page: what
 * `readStory` needs (`StoryPaywall`), and for the HTTP side the meter cookie's flags, the crawler
 * verifier and the plans of the paywall box.
 */
export interface SitePaywall extends StoryPaywall {
  /** Secure cookies (the site is served over https). */
  secureCookies: boolean;
  /**
   * Present only when `config.crawlerAccess.enabled`: verifies (by reverse then forward DNS) that a
   * request claiming to be a search crawler is one. Verified crawlers get gated stories in full,
   * `private, no-store`, never cached and never metered.
   */
  crawlers?: CrawlerVerifier;
  /** The plans to offer in the paywall box; absent: the box lists the benefits from the catalogs. */
  plansFor?(locale: string): Promise<PaywallPlan[]>;
}

/** What the reader site's routes are given, built once in the composition root. */
export interface SiteDeps {
  editions: Editions;
  reader: ReaderService;
  pages: SitePages;
  /** The page cache and the rules for keeping pages in it and in shared caches. */
  caching: PageCaching;
  paywall: SitePaywall;
  /** The story page use case (src/modules/reading), built over `reader` and `paywall`. */
  readStory: ReadStory;
}
