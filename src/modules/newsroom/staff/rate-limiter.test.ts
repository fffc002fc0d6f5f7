import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { fixedClock } from '../../../shared/clock.js';
import { RateLimiter, type RateRule } from './rate-limiter.js';
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
