import type { Clock } from '../../shared/clock.js';
import type { EventEffect, SubscriptionStore } from './member-stores.js';
import type { StoredSubscription } from './member-types.js';
import { paidThrough } from './paid-through.js';
import { applySubscriptionEvent, type ProviderEvent } from './payments/index.js';
import { planOfPrice, type PlansConfig } from './plans.js';

/**
 * Applies verified provider events to the stored subscriptions: idempotent by event id (the
 * store's processed_events, in the same transaction), ordered by the subscription's own snapshot
 * time (`applySubscriptionEvent`). The paywall reads the rows on every request, so a change is
 * visible on the reader's next page view.
 */
export class SubscriptionService {
  constructor(private readonly deps: { store: SubscriptionStore; plans: PlansConfig; clock: Clock; provider: string }) {}

  /** 'duplicate' for an event id already applied; otherwise what the event did ('applied', 'stale', ...). */
  async handle(event: ProviderEvent): Promise<string> {
    const now = this.deps.clock.now();
    const base = { provider: this.deps.provider, eventId: event.id, providerType: event.providerType };
    const result = await this.deps.store.recordEvent(
      {
        ...base,
        subscriptionId: event.type === 'subscription.updated' ? event.subscription.providerSubscriptionId : null,
        apply: (stored) => this.effect(stored, event, now),
      },
      now,
    );
    return result.duplicate ? 'duplicate' : result.outcome;
  }

  private effect(stored: StoredSubscription | null, event: ProviderEvent, now: Date): EventEffect {
    if (event.type === 'ignored') return { save: null, outcome: 'ignored' };
    if (event.type === 'checkout.completed') {
      if (!event.memberRef || !event.customerId) return { save: null, outcome: 'ignored' };
      return { save: null, customer: { memberId: event.memberRef, customerId: event.customerId }, outcome: 'customer_linked' };
    }
    const decision = applySubscriptionEvent(stored, event);
    if (decision.outcome === 'ignore') return { save: null, outcome: decision.reason };
    const state = decision.state;
    const save: StoredSubscription = {
      ...state,
      provider: this.deps.provider,
      planId: planOfPrice(this.deps.plans, state.priceId)?.plan.id ?? null,
      paidThrough: paidThrough(stored, state),
      createdAt: stored?.createdAt ?? now,
    };
    return {
      save,
      ...(state.memberRef ? { customer: { memberId: state.memberRef, customerId: state.customerId } } : {}),
      outcome: 'applied',
    };
  }
}
