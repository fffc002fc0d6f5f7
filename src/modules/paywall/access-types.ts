/**
 * The vocabulary of access decisions: who is reading, what they are reading, what their meter says
 * and which rules are configured. Plain data only, so that `decideAccess` stays a pure function of
 * its input and every surface (pages, API, feeds, newsletters) can build the same input.
 */
import { z } from 'zod';
import type { AccessLevel } from '../content/index.js';

/** The content module's access levels (declared there), part of the decision's input. */
export type { AccessLevel };

/** Length of the anonymous reader's rolling meter window. */
export const METER_WINDOW_DAYS = 30;

/**
 * Most entries an anonymous meter keeps. Bounds the cookie (30 entries of 64-character ids stay
 * under ~3.3 KB encoded, inside the 4 KB a browser guarantees) and so also bounds the anonymous limit.
 */
export const METER_MAX_ENTRIES = 30;

export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'canceled', 'unpaid'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** A member's subscription as the members module keeps it, provider-neutral. */
export interface Subscription {
  status: SubscriptionStatus;
  /**
   * End of the last period the reader has paid for. Adapters must map this carefully for
   * `past_due`: some providers (Stripe) advance the period before the renewal is paid, so the
   * paid-through date is then the *start* of the provider's current period. For an immediate
   * cancellation with a refund, pass the cancellation time.
   */
  currentPeriodEnd: Date;
}

/** Free access granted by staff. `until: null` is open-ended; otherwise access ends at `until`. */
export interface ComplimentaryGrant {
  until: Date | null;
}

export interface AnonymousReader {
  kind: 'anonymous';
  /** The meter read from the signed cookie: see `decodeMeterCookie`. */
  meter: AnonymousMeter;
}

/**
 * A signed-in reader. Subscription and complimentary access are facts about a member, not kinds of
 * reader: a member may have both, and one whose subscription lapsed is still a registered member
 * with a monthly meter.
 */
export interface MemberReader {
  kind: 'member';
  memberId: string;
  /** Ids of the metered stories this member has read since `meterMonthStart(now)` (from the database). */
  monthlyReads: readonly string[];
  subscription: Subscription | null;
  complimentary: ComplimentaryGrant | null;
}

export type ReaderState = AnonymousReader | MemberReader;

/** One metered story in an anonymous reader's meter, with when it was first read. */
export interface MeterEntry {
  storyId: string;
  firstReadAt: Date;
}

/**
 * An anonymous reader's meter: the entries from the cookie, or `'invalid'` when a cookie was present
 * but tampered with or unreadable. An absent cookie is an empty meter (`[]`).
 */
export type AnonymousMeter = readonly MeterEntry[] | 'invalid';

/** What the decision needs to know about a story. */
export interface StoryAccessInfo {
  storyId: string;
  accessLevel: AccessLevel;
  /** Null for a story that was never published (previews): the archive rule does not apply. */
  publishedAt: Date | null;
}

/** A gift link a subscriber shared, as found by the token in the URL. */
export interface GiftLink {
  storyId: string;
  expiresAt: Date;
  /** Uses left before the link is exhausted. */
  usesRemaining: number;
}

export type GiftLinkStatus = 'valid' | 'expired' | 'exhausted';

/**
 * Sampling access for verified search crawlers (off by default). The decision only reads `enabled`;
 * the suffixes and cache time are for the verification adapter (reverse DNS, then forward
 * confirmation), which is what decides that a request comes from a crawler: never its user agent.
 */
export const CrawlerAccessConfigSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Reverse-DNS host names must end with one of these (each starts with a dot, so `evilgooglebot.com` never matches). */
  hostSuffixes: z
    .array(z.string().regex(/^\.[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case domain suffix starting with a dot, such as ".googlebot.com"'))
    .min(1)
    .default(() => ['.googlebot.com', '.google.com', '.search.msn.com', '.applebot.apple.com']),
  /** How long a verification (either answer) is reused for the same address. */
  cacheSeconds: z.int().min(0).max(604_800).default(86_400),
});

export type CrawlerAccessConfig = z.infer<typeof CrawlerAccessConfigSchema>;

export const PaywallConfigSchema = z.strictObject({
  /** Metered stories an anonymous reader may read per rolling 30 days. */
  anonymousMeterLimit: z.int().min(0).max(METER_MAX_ENTRIES).default(3),
  /** Metered stories a registered member may read per calendar month (UTC). */
  registeredMeterLimit: z.int().min(0).max(10_000).default(10),
  /** Stories older than this many days need a paid plan; null turns the archive rule off. */
  archiveDays: z.int().min(1).max(100_000).nullable().default(null),
  /** Days after the paid period ends during which a `past_due` subscription keeps access. */
  pastDueGraceDays: z.int().min(0).max(60).default(7),
  /** Verified search crawlers read gated stories in full (off by default). */
  crawlerAccess: CrawlerAccessConfigSchema.prefault({}),
});

export type PaywallConfig = z.infer<typeof PaywallConfigSchema>;

export const DEFAULT_PAYWALL_CONFIG: PaywallConfig = Object.freeze(PaywallConfigSchema.parse({}));

/** Validates paywall configuration (from the app's config file), filling defaults. Throws a ZodError naming the bad key. */
export function parsePaywallConfig(input: unknown): PaywallConfig {
  return PaywallConfigSchema.parse(input ?? {});
}

export interface AccessInput {
  story: StoryAccessInfo;
  reader: ReaderState;
  /** A gift link from the request URL, if any, whichever story it was made for. */
  gift?: GiftLink | null;
  now: Date;
  config: PaywallConfig;
  /**
   * True only when the caller verified that the request comes from a search crawler (reverse DNS
   * then forward confirmation, see the README); never set from a user agent alone. Honoured only
   * while `config.crawlerAccess.enabled`.
   */
  verifiedCrawler?: boolean;
}

export type GrantReason =
  'public' | 'subscriber' | 'complimentary' | 'metered_within_limit' | 'metered_reread' | 'registered' | 'gift' | 'verified_crawler';

export type DenialReason =
  'meter_exhausted' | 'registration_required' | 'subscription_required' | 'archive_requires_subscription' | 'invalid_meter';

export type Offer = 'register' | 'subscribe';

export type AccessDecision =
  | {
      granted: true;
      reason: GrantReason;
      /** True only when this read must be recorded in the reader's meter (cookie or database). */
      countRead: boolean;
    }
  | { granted: false; reason: DenialReason; offer: Offer };
