import type { ProviderEvent, ProviderSubscription, SubscriptionStatus } from './payment-provider.js';
import { isTerminalStatus, lifecycleRank, statusGrantsAccess } from './subscription-status.js';

/** The stored row of one provider subscription, as the members repository keeps it. */
export interface SubscriptionState {
  providerSubscriptionId: string;
  customerId: string;
  memberRef: string | null;
  status: SubscriptionStatus;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  /** `updatedAt` of the snapshot this row reflects: the ordering key. */
  providerUpdatedAt: Date;
  /** The event that produced this row (a second guard after the processed_events table). */
  lastEventId: string;
}

export type IgnoreReason = 'not_a_subscription_event' | 'duplicate' | 'stale' | 'after_terminal';

export type SubscriptionDecision =
  { outcome: 'apply'; state: SubscriptionState; accessChanged: boolean } | { outcome: 'ignore'; reason: IgnoreReason };

/**
 * Decides what a webhook event does to the stored subscription row, without I/O, so the same rule
 * holds for every store and every provider. Events arrive late, twice and out of order; the row
 * only ever moves forward along the subscription's own timeline:
 *
 * 1. A canceled/expired row is final: a non-terminal snapshot delivered after it is ignored.
 * 2. Otherwise the snapshot with the later `updatedAt` wins; an older one is ignored ('stale').
 * 3. Two snapshots from the same instant (Stripe stamps whole seconds) are ordered by lifecycle
 *    rank (incomplete < trialing < active < past_due/paused < unpaid < canceled); at equal rank the
 *    one delivered last wins, which is the only reading left.
 *
 * Replaying an event yields the same row (or 'duplicate'), so at-least-once delivery is safe even
 * before the caller's processed_events check.
 */
export function applySubscriptionEvent(stored: SubscriptionState | null, event: ProviderEvent): SubscriptionDecision {
  if (event.type !== 'subscription.updated') return { outcome: 'ignore', reason: 'not_a_subscription_event' };
  const incoming = event.subscription;
  if (stored && stored.providerSubscriptionId !== incoming.providerSubscriptionId) {
    throw new Error(
      `applySubscriptionEvent: row ${stored.providerSubscriptionId} passed for event about ${incoming.providerSubscriptionId}`,
    );
  }
  if (!stored) return { outcome: 'apply', state: toState(null, incoming, event.id), accessChanged: statusGrantsAccess(incoming.status) };
  if (stored.lastEventId === event.id) return { outcome: 'ignore', reason: 'duplicate' };
  if (isTerminalStatus(stored.status) && !isTerminalStatus(incoming.status)) return { outcome: 'ignore', reason: 'after_terminal' };
  if (isOlder(incoming, stored)) return { outcome: 'ignore', reason: 'stale' };
  const state = toState(stored, incoming, event.id);
  return { outcome: 'apply', state, accessChanged: statusGrantsAccess(stored.status) !== statusGrantsAccess(state.status) };
}

function isOlder(incoming: ProviderSubscription, stored: SubscriptionState): boolean {
  const delta = incoming.updatedAt.getTime() - stored.providerUpdatedAt.getTime();
  if (delta !== 0) return delta < 0;
  return lifecycleRank(incoming.status) < lifecycleRank(stored.status);
}

function toState(stored: SubscriptionState | null, incoming: ProviderSubscription, eventId: string): SubscriptionState {
  return {
    providerSubscriptionId: incoming.providerSubscriptionId,
    customerId: incoming.customerId,
    // A subscription edited outside our checkout (dashboard, support) may lose its metadata.
    memberRef: incoming.memberRef ?? stored?.memberRef ?? null,
    status: incoming.status,
    priceId: incoming.priceId,
    currentPeriodEnd: incoming.currentPeriodEnd,
    cancelAtPeriodEnd: incoming.cancelAtPeriodEnd,
    cancelAt: incoming.cancelAt,
    providerUpdatedAt: incoming.updatedAt,
    lastEventId: eventId,
  };
}
