import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../../../shared/clock.js';
import { rateLimitSubject } from './client-address.js';
import type { RateLimitStore } from './staff-repository.js';

/**
 * Sliding-window limits over one-minute buckets stored in the database, so every process on the
 * same database shares the count. A rule allows `limit` events per `windowMs`.
 */
export interface RateRule {
  /** Part of the stored key: `signin-ip`, `signin-account`, ... */
  name: string;
  limit: number;
  windowMs: number;
}

const BUCKET_MS = 60_000;
const MINUTE = 60_000;
/** Buckets older than this are deleted, whatever their key: no rule may have a longer window. */
const KEEP_MS = 24 * 60 * MINUTE;

/**
 * The three limits of a request that names an account from a client address, none of which anyone
 * can turn into a lock-out of the account (ADR 0005; `AccountLimits` applies them).
 */
export interface AccountAddressRules {
  /** Every request from one client address, whatever account it names (refused ones count too). */
  perAddress: RateRule;
  /** Events (failures, mails) for one account from one client address. */
  perAccountAddress: RateRule;
  /**
   * Events for one account from every address together. Past it, an address already seen for the
   * account (in `perAccountAddress`'s window) is held back; an address not seen still gets through,
   * so the owner is served while an attack spread over many addresses goes on.
   */
  perAccount: RateRule;
}

export const RULES = {
  signIn: {
    /** Every sign-in attempt from one address. */
    perAddress: { name: 'signin-ip', limit: 20, windowMs: 15 * MINUTE },
    /**
     * Failed sign-ins for one email address (known or not: the answer must not tell) from one client
     * address. Past it, that address waits; the account's owner elsewhere is not locked out.
     */
    perAccountAddress: { name: 'signin-account-ip', limit: 5, windowMs: 15 * MINUTE },
    /**
     * Failed sign-ins for one email address from every address together. Past it (an attack spread
     * over many addresses), an address that has already failed for this email waits; an address that
     * has not still gets its attempt, so the owner can sign in while the attack goes on.
     */
    perAccount: { name: 'signin-account', limit: 30, windowMs: 15 * MINUTE },
  },
  /**
   * Wrong current passwords on "change my password", per account. Only a holder of one of the
   * account's sessions can fail it, so it can hold back nobody but that session's user.
   */
  passwordChangeFailuresPerAccount: { name: 'password-change-account', limit: 5, windowMs: 15 * MINUTE },
  resetMails: {
    /** Reset requests from one address (past it, 429). */
    perAddress: { name: 'reset-ip', limit: 10, windowMs: 15 * MINUTE },
    /** Reset mails to one email address per client address: past this, requests are accepted but no mail is sent. */
    perAccountAddress: { name: 'reset-account-ip', limit: 3, windowMs: 60 * MINUTE },
    /**
     * Reset mails to one email address from every client address together: past this, an address
     * that already asked for it in the hour gets no mail; one that has not still does (the owner).
     */
    perAccount: { name: 'reset-account', limit: 10, windowMs: 60 * MINUTE },
  },
} as const satisfies Record<string, RateRule | AccountAddressRules>;

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', 'Too many attempts; try again later', { retryAfterSeconds });
}

export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt, then refuses it (429) when the window now holds more than the limit. */
  async consume(rule: RateRule, subject: string): Promise<void> {
    const now = this.clock.now();
    await this.count(rule, subject, now);
    const buckets = await this.window(rule, subject, now);
    // This attempt is in the count: refuse when it went past the limit.
    if (sum(buckets) > rule.limit) throw rateLimited(secondsUntilBelow(buckets, rule, now));
  }

  /** Refuses (429) when the window already holds `limit` events; counts nothing. */
  async check(rule: RateRule, subject: string): Promise<void> {
    const now = this.clock.now();
    const buckets = await this.window(rule, subject, now);
    if (sum(buckets) >= rule.limit) throw rateLimited(secondsUntilBelow(buckets, rule, now));
  }

  /** Counts one event (a failure) without refusing anything. */
  async record(rule: RateRule, subject: string): Promise<void> {
    await this.count(rule, subject, this.clock.now());
  }

  /** The events of the window now (what `check` compares with the limit). */
  async total(rule: RateRule, subject: string): Promise<number> {
    return sum(await this.window(rule, subject, this.clock.now()));
  }

  /** Whether `consume` would pass, for callers that answer the same either way. */
  async tryConsume(rule: RateRule, subject: string): Promise<boolean> {
    return passes(this.consume(rule, subject));
  }

  private async count(rule: RateRule, subject: string, now: Date): Promise<void> {
    await this.store.increment(keyOf(rule, subject), bucketStart(now));
    await this.store.prune(new Date(now.getTime() - KEEP_MS));
  }

  private window(rule: RateRule, subject: string, now: Date): Promise<Array<{ windowStart: Date; count: number }>> {
    const since = new Date(bucketStart(now).getTime() - rule.windowMs + BUCKET_MS);
    return this.store.buckets(keyOf(rule, subject), since);
  }
}

/** What `AccountLimits` needs of a limiter. */
type Counter = Pick<RateLimiter, 'consume' | 'check' | 'record' | 'total'>;

/**
 * Limits on requests that name an account (a sign-in, a reset mail, a sign-in link), which slow a
 * brute force or a mail flood down without handing anyone a lock-out (ADR 0005): an address is
 * held back by its own count for the account, and by the account's count from everywhere only once
 * it has itself been seen for that account. Every method takes the client address as the request
 * came and counts it under its rate-limit subject (`rateLimitSubject`): a mapped IPv6 spelling and
 * its IPv4 address are one client, and so is a whole IPv6 /64.
 */
export class AccountLimits {
  constructor(
    private readonly limiter: Counter,
    private readonly rules: AccountAddressRules,
  ) {}

  /** Counts one request from the client address: 429 past `perAddress` (refused requests count too). */
  async consumeAddress(clientAddress: string): Promise<void> {
    await this.limiter.consume(this.rules.perAddress, rateLimitSubject(clientAddress));
  }

  /**
   * Refuses (429) when this address has had `perAccountAddress` events for the account, or has had
   * any while the account is at `perAccount`. Counts nothing: for limits on failures (`record` them).
   */
  async check(account: string, clientAddress: string): Promise<void> {
    const pair = pairOf(account, clientAddress);
    await this.limiter.check(this.rules.perAccountAddress, pair);
    if ((await this.limiter.total(this.rules.perAccountAddress, pair)) > 0) await this.limiter.check(this.rules.perAccount, account);
  }

  /** Counts one event (a failure) for the account from this address, and for the account. */
  async record(account: string, clientAddress: string): Promise<void> {
    await this.limiter.record(this.rules.perAccountAddress, pairOf(account, clientAddress));
    await this.limiter.record(this.rules.perAccount, account);
  }

  /**
   * Counts one request for the account from this address and refuses it (429) past
   * `perAccountAddress` (refused requests count too, so hammering keeps that address waiting), or
   * when this address had asked before and the account is at `perAccount`. Only a request let
   * through counts for the account.
   */
  async consume(account: string, clientAddress: string): Promise<void> {
    const pair = pairOf(account, clientAddress);
    const seen = (await this.limiter.total(this.rules.perAccountAddress, pair)) > 0;
    await this.limiter.consume(this.rules.perAccountAddress, pair);
    if (seen) await this.limiter.check(this.rules.perAccount, account);
    await this.limiter.record(this.rules.perAccount, account);
  }

  /** `consume`, answering whether it passed, for callers that answer the same either way. */
  async tryConsume(account: string, clientAddress: string): Promise<boolean> {
    return passes(this.consume(account, clientAddress));
  }
}

const pairOf = (account: string, clientAddress: string) => `${account} ${rateLimitSubject(clientAddress)}`;

/** True when the limit let it through, false when it refused (`rate_limited`); other errors go on. */
async function passes(attempt: Promise<void>): Promise<boolean> {
  try {
    await attempt;
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return false;
    throw error;
  }
}

type Bucket = { windowStart: Date; count: number };

const sum = (buckets: readonly Bucket[]) => buckets.reduce((total, b) => total + b.count, 0);

/** Seconds until the window holds fewer than `limit` events, so that one more is allowed. */
function secondsUntilBelow(buckets: readonly Bucket[], rule: RateRule, now: Date): number {
  let total = sum(buckets);
  // Buckets leave the window oldest first; find the one whose leaving brings the total under.
  for (const bucket of buckets) {
    total -= bucket.count;
    if (total < rule.limit) {
      const freeAt = bucket.windowStart.getTime() + rule.windowMs;
      return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    }
  }
  return Math.ceil(rule.windowMs / 1000);
}

function keyOf(rule: RateRule, subject: string): string {
  return `${rule.name}:${subject}`;
}

function bucketStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
}
