import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { fixedClock } from '../../../shared/clock.js';
import { AccountLimits, RateLimiter, type AccountAddressRules, type RateRule } from './rate-limiter.js';
import type { RateLimitStore } from './staff-repository.js';

/** The store contract in memory (the Kysely store is exercised by the HTTP tests on both databases). */
function memoryStore(): RateLimitStore {
  const buckets = new Map<string, number>();
  return {
    async increment(key, windowStart) {
      const k = `${key}|${windowStart.toISOString()}`;
      buckets.set(k, (buckets.get(k) ?? 0) + 1);
    },
    async buckets(key, since) {
      return [...buckets]
        .map(([k, count]) => ({ key: k.split('|')[0], windowStart: new Date(k.split('|')[1] as string), count }))
        .filter((b) => b.key === key && b.windowStart >= since)
        .sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
    },
    async prune(before) {
      for (const k of buckets.keys()) if (new Date(k.split('|')[1] as string) < before) buckets.delete(k);
    },
  };
}

const RULE: RateRule = { name: 'test', limit: 3, windowMs: 15 * 60_000 };
const T0 = new Date('2026-01-01T10:00:30.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function retryAfter(attempt: Promise<void>): Promise<number | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return error.details.retryAfterSeconds as number;
    throw error;
  }
}

describe('rate limiter', () => {
  it('allows the limit, refuses the next with the seconds until one more is allowed', async () => {
    const clock = fixedClock(T0);
    const limiter = new RateLimiter(memoryStore(), clock);
    await limiter.consume(RULE, 'a');
    clock.set(at(5));
    await limiter.consume(RULE, 'a');
    await limiter.consume(RULE, 'a');
    // Refused attempts count too (hammering keeps the door shut): 10:00 ×1, 10:05 ×3. Only when the
    // 10:05 bucket leaves the window, at 10:20, is there room; it is now 10:05:30.
    expect(await retryAfter(limiter.consume(RULE, 'a'))).toBe(870);
    expect(await retryAfter(limiter.consume(RULE, 'b'))).toBeNull();
  });

  it('slides: attempts older than the window stop counting', async () => {
    const clock = fixedClock(T0);
    const limiter = new RateLimiter(memoryStore(), clock);
    for (let i = 0; i < 3; i++) await limiter.record(RULE, 'a');
    expect(await retryAfter(limiter.check(RULE, 'a'))).toBe(870);
    clock.set(at(14));
    expect(await retryAfter(limiter.check(RULE, 'a'))).toBe(30);
    clock.set(at(14.5));
    expect(await retryAfter(limiter.check(RULE, 'a'))).toBeNull();
  });

  it('tryConsume answers instead of throwing', async () => {
    const limiter = new RateLimiter(memoryStore(), fixedClock(T0));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await limiter.tryConsume(RULE, 'a'));
    expect(answers).toEqual([true, true, true, false]);
  });
});

const WINDOW = 15 * 60_000;
const RULES: AccountAddressRules = {
  perAddress: { name: 'address', limit: 6, windowMs: WINDOW },
  perAccountAddress: { name: 'pair', limit: 2, windowMs: WINDOW },
  perAccount: { name: 'account', limit: 3, windowMs: WINDOW },
};
const refused = async (attempt: Promise<void>) => (await retryAfter(attempt)) !== null;

describe('account limits (no lock-out)', () => {
  const limitsNow = () => new AccountLimits(new RateLimiter(memoryStore(), fixedClock(T0)), RULES);

  it('failures: an address waits past its own count for the account; other addresses do not', async () => {
    const limits = limitsNow();
    for (let i = 0; i < 2; i++) {
      expect(await refused(limits.check('a@x', '192.0.2.1'))).toBe(false);
      await limits.record('a@x', '192.0.2.1');
    }
    expect(await refused(limits.check('a@x', '192.0.2.1'))).toBe(true);
    expect(await refused(limits.check('b@x', '192.0.2.1'))).toBe(false);
    expect(await refused(limits.check('a@x', '192.0.2.2'))).toBe(false);
  });

  it('failures: past the account cap, an address already seen waits and a fresh one gets one attempt', async () => {
    const limits = limitsNow();
    await limits.record('a@x', '192.0.2.1');
    await limits.record('a@x', '192.0.2.2');
    await limits.record('a@x', '192.0.2.3');
    expect(await refused(limits.check('a@x', '192.0.2.1'))).toBe(true);
    expect(await refused(limits.check('a@x', '192.0.2.9'))).toBe(false);
    await limits.record('a@x', '192.0.2.9');
    expect(await refused(limits.check('a@x', '192.0.2.9'))).toBe(true);
    expect(await refused(limits.check('a@x', '198.51.100.1'))).toBe(false);
  });

  it('requests: refused ones count for the address; past the account cap only a fresh address gets through, once', async () => {
    const limits = limitsNow();
    const answers: boolean[] = [];
    for (let i = 0; i < 4; i++) answers.push(await limits.tryConsume('a@x', '192.0.2.1'));
    expect(answers).toEqual([true, true, false, false]);
    // The account has two: one more address brings it to its cap of three.
    expect(await limits.tryConsume('a@x', '192.0.2.2')).toBe(true);
    expect(await limits.tryConsume('a@x', '192.0.2.2')).toBe(false);
    expect(await limits.tryConsume('a@x', '192.0.2.3')).toBe(true);
    expect(await limits.tryConsume('a@x', '192.0.2.3')).toBe(false);
    expect(await retryAfter(limits.consume('a@x', '192.0.2.3'))).toBeGreaterThan(0);
    expect(await limits.tryConsume('b@x', '192.0.2.3')).toBe(true);
  });

  it('per address: refuses past the limit, whatever account is named', async () => {
    const limits = limitsNow();
    for (let i = 0; i < 6; i++) await limits.consumeAddress('192.0.2.1');
    expect(await refused(limits.consumeAddress('192.0.2.1'))).toBe(true);
    expect(await refused(limits.consumeAddress('192.0.2.2'))).toBe(false);
  });

  it('counts a mapped IPv6 spelling with its IPv4 address, and a whole IPv6 /64 as one client', async () => {
    const limits = limitsNow();
    for (const [first, second, other] of [
      ['192.0.2.1', '::ffff:192.0.2.1', '192.0.2.2'],
      ['::ffff:c000:20a', '192.0.2.10', '::ffff:192.0.2.11'],
      ['2001:db8:1:2::1', '2001:DB8:1:2:ffff:0:0:bad%eth0', '2001:db8:1:3::1'],
    ] as const) {
      await limits.record('c@x', first);
      await limits.record('c@x', second);
      expect(await refused(limits.check('c@x', first))).toBe(true);
      expect(await refused(limits.check('c@x', second))).toBe(true);
      expect(await refused(limits.check('c@x', other))).toBe(false);
      for (let i = 0; i < 3; i++) await limits.consumeAddress(first);
      for (let i = 0; i < 3; i++) await limits.consumeAddress(second);
      expect(await refused(limits.consumeAddress(first))).toBe(true);
      expect(await refused(limits.consumeAddress(other))).toBe(false);
    }
  });
});
