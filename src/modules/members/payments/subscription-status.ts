import type { SubscriptionStatus } from './payment-provider.js';

/**
 * Statuses after which a provider subscription never changes again (Stripe never revives a
 * canceled or expired subscription; a returning reader gets a new one). A stored terminal row
 * therefore absorbs every later-delivered non-terminal event, whatever its timestamp.
 */
export function isTerminalStatus(status: SubscriptionStatus): boolean {
  return status === 'canceled' || status === 'incomplete_expired';
}

/**
 * Where a status sits along the usual lifecycle (incomplete → trialing → active → past_due →
 * unpaid → canceled). Only used to break ties between two snapshots taken in the same second,
 * where the later lifecycle step is overwhelmingly the later state.
 */
export function lifecycleRank(status: SubscriptionStatus): number {
  switch (status) {
    case 'incomplete':
      return 0;
    case 'trialing':
      return 1;
    case 'active':
      return 2;
    case 'past_due':
    case 'paused':
      return 3;
    case 'unpaid':
      return 4;
    case 'canceled':
    case 'incomplete_expired':
      return 5;
  }
}

/**
 * Whether a subscription in this status opens the paywall. `past_due` keeps access while the
 * provider retries the card (its dunning ends in `unpaid` or `canceled`, which close it);
 * `incomplete` has not been paid yet and `paused` is a trial that ended without a card.
 * The paywall module owns the final decision; this is the members module's default.
 */
export function statusGrantsAccess(status: SubscriptionStatus): boolean {
  return status === 'active' || status === 'trialing' || status === 'past_due';
}
