/**
 * Metering rules shared by the decision and the cookie codec. Pure: "now" is always passed in.
 */
import { METER_MAX_ENTRIES, METER_WINDOW_DAYS, type MeterEntry } from './access-types.js';
import { DAY_MS } from './entitlements.js';

const WINDOW_MS = METER_WINDOW_DAYS * DAY_MS;

/**
 * The entries that still count: first read less than 30 days before `now`. An entry with an
 * unreadable date, or one dated in the future, keeps counting (it errs toward the limit).
 */
export function activeMeterEntries(entries: readonly MeterEntry[], now: Date): MeterEntry[] {
  const t = now.getTime();
  return entries.filter((e) => !(t - e.firstReadAt.getTime() >= WINDOW_MS));
}

/**
 * The meter after reading `storyId` at `now`: expired entries dropped, the story added unless it
 * is already there (a re-read keeps its first date), and at most `METER_MAX_ENTRIES` kept, the most
 * recent ones. Call it only when the decision says `countRead`; never for an `'invalid'` meter.
 */
export function recordRead(entries: readonly MeterEntry[], storyId: string, now: Date): MeterEntry[] {
  const active = activeMeterEntries(entries, now);
  const next = active.some((e) => e.storyId === storyId) ? active : [...active, { storyId, firstReadAt: new Date(now) }];
  return capEntries(next);
}

/** Keeps the `METER_MAX_ENTRIES` most recently started entries, in their original order. */
export function capEntries(entries: readonly MeterEntry[]): MeterEntry[] {
  if (entries.length <= METER_MAX_ENTRIES) return [...entries];
  const keep = new Set(
    [...entries]
      .map((e, i) => ({ i, t: Number.isNaN(e.firstReadAt.getTime()) ? Infinity : e.firstReadAt.getTime() }))
      .sort((a, b) => b.t - a.t || b.i - a.i)
      .slice(0, METER_MAX_ENTRIES)
      .map((x) => x.i),
  );
  return entries.filter((_, i) => keep.has(i));
}

/**
 * Start of the calendar month (UTC) that a member's monthly meter counts from. The members
 * repository counts reads since this instant, so both sides agree on the boundary.
 */
export function meterMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
