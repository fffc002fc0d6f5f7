import type {
  ComplimentaryGrantRecord,
  GiftableStory,
  GiftLinkRecord,
  MagicLinkPurpose,
  MagicLinkRecord,
  Member,
  MemberSessionRecord,
  MonthlyRead,
  StoredSubscription,
} from './member-types.js';

/**
 * The ports of the members module. Every method is one atomic step; the Kysely implementations
 * (SQLite and PostgreSQL) live in src/adapters/db/repositories/members/. Times are passed in.
 */
export interface MemberStore {
  /** The member with this (normalized) email; deleted accounts have none. */
  findByEmail(email: string): Promise<Member | null>;
  findById(id: string): Promise<Member | null>;
  /** The member with this email, created if there is none (two racing creations make one member). */
  findOrCreate(email: string, preferredEdition: string, now: Date): Promise<Member>;
  setPreferredEdition(id: string, locale: string, now: Date): Promise<void>;
  /**
   * In one transaction: removes every session, sign-in link, meter entry, complimentary grant and
   * gift link of the member, and blanks the account row (email, edition, customer id) keeping only
   * its id and dates, which the kept subscription records point to.
   */
  deletePersonalData(id: string, now: Date): Promise<void>;
}

export interface NewMagicLink {
  tokenHash: string;
  email: string;
  purpose: MagicLinkPurpose;
  locale: string;
  returnPath: string;
  expiresAt: Date;
}

export interface MagicLinkStore {
  create(input: NewMagicLink, now: Date): Promise<void>;
  /** The unused, unexpired link with this token hash. */
  findUsable(tokenHash: string, now: Date): Promise<MagicLinkRecord | null>;
  /**
   * Marks the unused, unexpired link used, with every other open link of the same email, in one
   * transaction. Null when it was unknown, used or expired (of two racing redemptions, one wins).
   */
  redeem(tokenHash: string, now: Date): Promise<MagicLinkRecord | null>;
  listFor(email: string): Promise<MagicLinkRecord[]>;
  deleteExpired(before: Date): Promise<void>;
}

export interface MemberSessionStore {
  create(input: { memberId: string; tokenHash: string; csrfToken: string; expiresAt: Date }, now: Date): Promise<void>;
  /** The unexpired session with this token hash, with its (not deleted) member. */
  findActive(tokenHash: string, now: Date): Promise<{ session: MemberSessionRecord; member: Member } | null>;
  touch(id: string, now: Date, expiresAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
  deleteAllOf(memberId: string): Promise<number>;
  deleteExpired(now: Date): Promise<void>;
  listOf(memberId: string): Promise<MemberSessionRecord[]>;
}

export interface MemberReadStore {
  /** Records a read once per member, month and story (a repeat changes nothing). */
  record(memberId: string, month: string, storyId: string, now: Date): Promise<void>;
  storiesIn(memberId: string, month: string): Promise<string[]>;
  listOf(memberId: string): Promise<MonthlyRead[]>;
}

/** What applying one event does, decided by the members module from the locked row. */
export interface EventEffect {
  /** The row to insert or update; null leaves it as it is. */
  save: StoredSubscription | null;
  /** Links the provider customer to our member (checkout). */
  customer?: { memberId: string; customerId: string };
  /** For the processed_events record and the webhook answer ('applied', 'stale', ...). */
  outcome: string;
}

export interface ProviderEventInput {
  provider: string;
  eventId: string;
  providerType: string;
  /** The provider subscription this event is about, loaded (locked) and passed to `apply`. */
  subscriptionId: string | null;
  apply(stored: StoredSubscription | null): EventEffect;
}

export interface SubscriptionStore {
  /**
   * In one transaction: records the event id in processed_events (when it is already there nothing
   * else happens: `duplicate`), loads the subscription row with a row lock, saves what `apply`
   * decides and links the customer. Retried in full when two first events race to insert one row.
   */
  recordEvent(input: ProviderEventInput, now: Date): Promise<{ duplicate: boolean; outcome: string }>;
  listOf(memberId: string): Promise<StoredSubscription[]>;
}

export interface ComplimentaryStore {
  create(
    input: { memberId: string; until: Date | null; grantedBy: string; note: string | null },
    now: Date,
  ): Promise<ComplimentaryGrantRecord>;
  /** True when this call revoked it (false: unknown or already revoked). */
  revoke(id: string, now: Date): Promise<boolean>;
  /** Every grant of the member, newest first (revoked ones included). */
  listOf(memberId: string): Promise<ComplimentaryGrantRecord[]>;
}

export interface GiftStore {
  create(
    input: { tokenHash: string; storyId: string; createdBy: string; usesLeft: number; expiresAt: Date },
    now: Date,
  ): Promise<GiftLinkRecord>;
  findByTokenHash(tokenHash: string): Promise<GiftLinkRecord | null>;
  /**
   * Spends one use of the link (only while it has uses left and is unexpired) and records the
   * redemption under `redemptionTokenHash`, valid until `expiresAt` (never past the link's own
   * expiry), atomically. False when no use was left or the link expired.
   */
  redeem(linkId: string, redemptionTokenHash: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Unexpired redemptions among these token hashes, with the link and story each opens. */
  redemptions(tokenHashes: readonly string[], now: Date): Promise<Array<{ giftLinkId: string; storyId: string; expiresAt: Date }>>;
  listOf(memberId: string): Promise<GiftLinkRecord[]>;
  /** Links this member created since `since` (for the daily cap). */
  countCreatedSince(memberId: string, since: Date): Promise<number>;
}

/** Reads stories for gift links (from the content tables). */
export interface GiftStoryLookup {
  /** The story as the edition lists it now; null when it is not published there. */
  find(edition: string, storyId: string, now: Date): Promise<GiftableStory | null>;
}

/** A sliding-window limit, as the staff module's RateLimiter applies it (`SIGN_IN_RULES`). */
export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * Limits on requests that name an account from a client address, which nobody can turn into a
 * lock-out (ADR 0005). The staff module's database-backed `AccountLimits` implements it over
 * `SIGN_IN_RULES`; it takes the client address as the request came (a mapped IPv6 spelling and its
 * IPv4 address, or the addresses of one IPv6 /64, count as one client).
 */
export interface AccountRequestLimits {
  /** Counts one request from the client address; throws `rate_limited` past the per-address limit. */
  consumeAddress(clientAddress: string): Promise<void>;
  /**
   * Counts one request for `account` from the client address; throws `rate_limited` (with
   * details.retryAfterSeconds) past the per-(account, address) limit, or past the account's limit
   * when this address has asked for it before.
   */
  consume(account: string, clientAddress: string): Promise<void>;
}

export interface MemberStores {
  members: MemberStore;
  magicLinks: MagicLinkStore;
  sessions: MemberSessionStore;
  reads: MemberReadStore;
  subscriptions: SubscriptionStore;
  complimentary: ComplimentaryStore;
  gifts: GiftStore;
  stories: GiftStoryLookup;
}
