import type { ReaderService } from '../../../modules/content/index.js';
import type { Editions } from '../../../modules/editions/index.js';
import type { MembersForPaywall, PaywallConfig } from '../../../modules/paywall/index.js';
import type { ReadStory } from '../../../modules/reading/index.js';
import type { Clock } from '../../../shared/clock.js';
import type { PageCaching } from '../plugins/page-caching.js';
import type { CrawlerVerifier } from './crawler-verification.js';
import type { SitePages } from './site-pages.js';

/**
 * What the story route needs to apply the paywall (src/modules/paywall) to a story page (and
 * hands to `readStory`, whose `StoryPaywall` it satisfies): the paywall's members port (`resolveReader` composed with the anonymous meter cookie; the one opt-in
 * exception to "only our own cookies" is `crawlers`, an address verified by DNS, never a user agent
 * alone), the rules' configuration and the meter cookie's secrets.
 */
export interface SitePaywall extends MembersForPaywall {
  config: PaywallConfig;
  clock: Clock;
  /** HMAC secrets of the anonymous meter cookie, the current one first (the rest are still accepted). */
  meterSecrets: readonly string[];
  /** Secure cookies (the site is served over https). */
  secureCookies: boolean;
  /**
   * Present only when `config.crawlerAccess.enabled`: verifies (by reverse then forward DNS) that a
   * request claiming to be a search crawler is one. Verified crawlers get gated stories in full,
   * `private, no-store`, never cached and never metered.
   */
  crawlers?: CrawlerVerifier;
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
