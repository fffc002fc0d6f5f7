import { describe, expect, it } from 'vitest';
import { applySubscriptionEvent, type SubscriptionState } from './apply-subscription-event.js';
import type { ProviderEvent, ProviderSubscription, SubscriptionStatus } from './payment-provider.js';
import { SUBSCRIPTION_STATUSES } from './payment-provider.js';
import { statusGrantsAccess } from './subscription-status.js';

let seq = 0;
function event(status: SubscriptionStatus, at: string, patch: Partial<ProviderSubscription> = {}, id = `evt_${++seq}`): ProviderEvent {
  return {
    id,
    type: 'subscription.updated',
    providerType: 'customer.subscription.updated',
    occurredAt: new Date(at),
    subscription: {
      providerSubscriptionId: 'sub_1',
      customerId: 'cus_1',
      memberRef: 'mem_1',
      status,
      priceId: 'price_monthly',
      currentPeriodEnd: new Date('2026-04-01T00:00:00Z'),
      cancelAtPeriodEnd: false,
      cancelAt: null,
      updatedAt: new Date(at),
      ...patch,
    },
  };
}

/** Feeds events in delivery order, as a store would. */
function run(...events: ProviderEvent[]): { state: SubscriptionState | null; results: string[] } {
  let state: SubscriptionState | null = null;
  const results: string[] = [];
  for (const e of events) {
    const decision = applySubscriptionEvent(state, e);
    if (decision.outcome === 'apply') state = decision.state;
    results.push(decision.outcome === 'apply' ? 'apply' : decision.reason);
  }
  return { state, results };
}

describe('applySubscriptionEvent', () => {
  it('creates the row from the first event and says whether access changed', () => {
    const first = applySubscriptionEvent(null, event('active', '2026-03-01T00:00:00Z'));
    expect(first).toMatchObject({
      outcome: 'apply',
      accessChanged: true,
      state: { status: 'active', memberRef: 'mem_1', lastEventId: expect.any(String) },
    });
    expect(applySubscriptionEvent(null, event('incomplete', '2026-03-01T00:00:00Z'))).toMatchObject({ accessChanged: false });
  });

  it('is idempotent: the same event twice gives the same row', () => {
    const e = event('past_due', '2026-03-02T00:00:00Z');
    const once = run(event('active', '2026-03-01T00:00:00Z'), e);
    const twice = run(event('active', '2026-03-01T00:00:00Z'), e, e);
    expect(twice.results).toEqual(['apply', 'apply', 'duplicate']);
    expect(twice.state).toEqual({ ...once.state, lastEventId: e.id });
  });

  it('ignores a snapshot older than the stored one', () => {
    const { state, results } = run(event('active', '2026-03-05T00:00:30Z'), event('past_due', '2026-03-05T00:00:00Z'));
    expect(results).toEqual(['apply', 'stale']);
    expect(state?.status).toBe('active');
  });

  it('applies newer snapshots and reports access changes', () => {
    const stored = run(event('active', '2026-03-01T00:00:00Z')).state;
    expect(applySubscriptionEvent(stored, event('past_due', '2026-03-02T00:00:00Z'))).toMatchObject({
      outcome: 'apply',
      accessChanged: false,
    });
    expect(applySubscriptionEvent(stored, event('unpaid', '2026-03-02T00:00:00Z'))).toMatchObject({
      outcome: 'apply',
      accessChanged: true,
    });
  });

  it('within one second, the later lifecycle step wins whatever the delivery order', () => {
    const at = '2026-03-01T00:00:00Z';
    const forward = run(event('incomplete', at), event('active', at));
    const backward = run(event('active', at), event('incomplete', at));
    expect(forward.state?.status).toBe('active');
    expect(backward).toMatchObject({ results: ['apply', 'stale'], state: { status: 'active' } });
    // Same second, same rank: the only reading left is delivery order.
    expect(run(event('active', at), event('active', at, { cancelAtPeriodEnd: true })).state?.cancelAtPeriodEnd).toBe(true);
  });

  it('never leaves canceled, even for a later-stamped non-terminal snapshot', () => {
    const { state, results } = run(
      event('canceled', '2026-03-10T00:00:00Z'),
      event('active', '2026-03-09T00:00:00Z'),
      event('active', '2026-03-11T00:00:00Z'),
    );
    expect(results).toEqual(['apply', 'after_terminal', 'after_terminal']);
    expect(state?.status).toBe('canceled');
  });

  it('keeps the member reference when a later snapshot lost its metadata', () => {
    const { state } = run(event('active', '2026-03-01T00:00:00Z'), event('active', '2026-03-02T00:00:00Z', { memberRef: null }));
    expect(state?.memberRef).toBe('mem_1');
  });

  it('ignores events that are not about a subscription, and refuses a row of another subscription', () => {
    const checkout: ProviderEvent = {
      id: 'evt_c',
      type: 'checkout.completed',
      providerType: 'checkout.session.completed',
      occurredAt: new Date(),
      checkoutSessionId: 'cs_1',
      customerId: 'cus_1',
      memberRef: 'mem_1',
      subscriptionId: 'sub_1',
    };
    expect(applySubscriptionEvent(null, checkout)).toEqual({ outcome: 'ignore', reason: 'not_a_subscription_event' });
    const stored = run(event('active', '2026-03-01T00:00:00Z')).state;
    expect(() => applySubscriptionEvent(stored, event('active', '2026-03-02T00:00:00Z', { providerSubscriptionId: 'sub_2' }))).toThrow(
      /sub_2/,
    );
  });
});

describe('statusGrantsAccess', () => {
  it('opens the paywall while paid, trialing or being retried', () => {
    expect(SUBSCRIPTION_STATUSES.filter(statusGrantsAccess)).toEqual(['trialing', 'active', 'past_due']);
  });
});
