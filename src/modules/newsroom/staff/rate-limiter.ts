import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../../../shared/clock.js';
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

export const RULES = {
  /** Every sign-in attempt from one address. */
  signInPerIp: { name: 'signin-ip', limit: 20, windowMs: 15 * MINUTE },
  /**
   * Failed sign-ins for one email address (known or not: the answer must not tell) from one client
   * address. Past it, that address waits; the account's owner elsewhere is not locked out.
   */
  signInFailuresPerAccountAddress: { name: 'signin-account-ip', limit: 5, windowMs: 15 * MINUTE },
  /**
   * Failed sign-ins for one email address from every address together. Past it (an attack spread
   * over many addresses), an address that has already failed for this email waits; an address that
   * has not still gets its attempt, so the owner can sign in while the attack goes on.
   */
  signInFailuresPerAccount: { name: 'signin-account', limit: 30, windowMs: 15 * MINUTE },
  /**
   * Wrong current passwords on "change my password", per account. Only a holder of one of the
   * account's sessions can fail it, so it can hold back nobody but that session's user.
   */
  passwordChangeFailuresPerAccount: { name: 'password-change-account', limit: 5, windowMs: 15 * MINUTE },
  resetPerIp: { name: 'reset-ip', limit: 10, windowMs: 15 * MINUTE },
  /** Reset mails to one email address per client address: past this, requests are accepted but no mail is sent. */
  resetMailsPerAccountAddress: { name: 'reset-account-ip', limit: 3, windowMs: 60 * MINUTE },
  /**
   * Reset mails to one email address from every client address together: past this, an address
   * that already asked for it in the hour gets no mail; one that has not still does (the owner).
   */
  resetMailsPerAccount: { name: 'reset-account', limit: 10, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateRule>;

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
    try {
      await this.consume(rule, subject);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'rate_limited') return false;
      throw error;
    }
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
