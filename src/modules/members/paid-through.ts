import type { SubscriptionState, SubscriptionStatus } from './payments/index.js';

/** Statuses in which the provider is waiting for money it has not received. */
const AWAITING_PAYMENT: ReadonlySet<SubscriptionStatus> = new Set(['past_due', 'unpaid', 'paused', 'incomplete', 'incomplete_expired']);

/**
 * The end of the last period actually paid for, which the paywall calls `currentPeriodEnd`.
 * Providers (Stripe) advance the period when a renewal is attempted, before it is paid, so a
 * `past_due` snapshot's period end is the end of a period nobody paid for. Pure: decided from the
 * stored row and the snapshot being applied.
 *
 * - `trialing`, `active`: the snapshot's period end (paid, or a trial the provider granted).
 * - Awaiting payment after a paid state: the earlier of the two period ends, i.e. where the paid
 *   period stopped; while it stays unpaid, that date does not move. Seen first in that state: the
 *   snapshot's own time (about when the renewal failed), never the unpaid period's end.
 * - `canceled` after a paid period: its end (the reader paid for it); during a trial: the earlier
 *   of the trial end and the cancellation; after an unpaid period: the date already recorded.
 */
export function paidThrough(
  stored: { status: SubscriptionStatus; currentPeriodEnd: Date | null; paidThrough: Date | null } | null,
  next: SubscriptionState,
): Date | null {
  const end = next.currentPeriodEnd;
  if (next.status === 'trialing' || next.status === 'active') return end;
  if (stored && AWAITING_PAYMENT.has(stored.status)) return stored.paidThrough;
  if (next.status === 'canceled') {
    if (stored?.status === 'trialing' && end) return earlier(end, next.providerUpdatedAt);
    return end ?? stored?.paidThrough ?? null;
  }
  if (next.status === 'incomplete' || next.status === 'incomplete_expired') return null;
  if (stored?.currentPeriodEnd && end) return earlier(stored.currentPeriodEnd, end);
  return stored?.paidThrough ?? next.providerUpdatedAt;
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
