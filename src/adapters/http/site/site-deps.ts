import type { ReaderService } from '../../../modules/content/index.js';
import type { Editions } from '../../../modules/editions/index.js';
import type { MembersForPaywall, PaywallConfig } from '../../../modules/paywall/index.js';
import type { ReadStory } from '../../../modules/reading/index.js';
import type { Clock } from '../../../shared/clock.js';
import type { PageCaching } from '../plugins/page-caching.js';
import type { CrawlerVerifier } from './crawler-verification.js';
import type { SignedInMember } from './page-context.js';
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

/**
 * Who is signed in, for the header (their email and an account link). Asked only for a request that
 * carries reader identity, which the front cache never answers and the routes never keep; a page
 * naming a member is sent `private, no-store` (test/leak/member-header.test.ts).
 */
export interface SiteMembers {
  signedIn(cookieHeader: string | undefined, now: Date): Promise<SignedInMember | null>;
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
  /** The members module's answer to "who is signed in" (absent: every page is anonymous). */
  members?: SiteMembers;
}
