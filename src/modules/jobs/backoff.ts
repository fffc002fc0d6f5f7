/** Delay before attempt `attempt + 1`, given that attempt `attempt` (1-based) failed. */
export type Backoff = (attempt: number) => number;

/**
 * Doubling delays from `baseMs`, capped at `maxMs`: with the defaults 15 s, 30 s, 1 min, 2 min ...
 * 1 h. No jitter: retries are rare and spread by the jobs' own times, and tests stay exact.
 */
export function exponentialBackoff(baseMs = 15_000, maxMs = 60 * 60_000): Backoff {
  return (attempt) => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
