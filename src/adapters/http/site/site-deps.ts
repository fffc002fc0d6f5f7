import type { ReaderService } from '../../../modules/content/index.js';
import type { Editions } from '../../../modules/editions/index.js';
import type { GiftLink, PaywallConfig, ReaderState } from '../../../modules/paywall/index.js';
import type { Clock } from '../../../shared/clock.js';
import type { PageCaching } from '../plugins/page-caching.js';
import type { CrawlerVerifier } from './crawler-verification.js';
import type { SitePages } from './site-pages.js';

/**
 * Who is reading, from the request's Cookie header: the paywall's `ReaderState` and, for a signed-in
 * member, their id (to record a metered read). Never trusts anything but our own cookies: no user
 * agent, referrer or address grants access. (The one exception is opt-in and not the resolver's:
 * `SitePaywall.crawlers`, an address verified by DNS, never a user agent alone.)
 */
export type ReaderResolver = (cookieHeader: string | undefined, now: Date) => Promise<ResolvedReader>;

export interface ResolvedReader {
  reader: ReaderState;
  memberId: string | null;
}

/** A plan as the paywall box lists it (from the members module's plans, in the edition's language). */
export interface PaywallPlan {
  /** A free plan (registration) is offered only when registering is what the reader is asked to do. */
  kind?: 'free' | 'paid';
  name: string;
  /** Formatted for the edition ("$8 a month"), or null to leave it to the subscribe page. */
  price: string | null;
  benefits: string[];
}

/** What the story route needs to apply the paywall (src/modules/paywall) to a story page. */
export interface SitePaywall {
  config: PaywallConfig;
  clock: Clock;
  resolveReader: ReaderResolver;
  /** Counts a member's read of a metered story (their monthly meter, in the database). */
  recordMemberRead(memberId: string, storyId: string, now: Date): Promise<void>;
  /** The gift link this browser redeemed for this story (its use already spent), if any. */
  giftFor?(cookieHeader: string | undefined, storyId: string, now: Date): Promise<GiftLink | null>;
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
}
