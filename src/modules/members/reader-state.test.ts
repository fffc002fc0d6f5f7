import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYWALL_CONFIG } from '../paywall/index.js';
import type { ComplimentaryGrantRecord, StoredSubscription } from './member-types.js';
import { bestGrant, bestSubscription, meterMonth } from './reader-state.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const sub = (status: StoredSubscription['status'], paidThrough: string | null, updated: string): StoredSubscription => ({
  providerSubscriptionId: `sub_${status}_${updated}`,
  customerId: 'cus',
  memberRef: 'm',
  status,
  priceId: null,
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  cancelAt: null,
  providerUpdatedAt: new Date(updated),
  lastEventId: 'e',
  provider: 'stripe',
  planId: null,
  paidThrough: paidThrough ? new Date(paidThrough) : null,
  createdAt: new Date(updated),
});
const grant = (until: string | null, revoked = false): ComplimentaryGrantRecord => ({
  id: String(until),
  memberId: 'm',
  until: until ? new Date(until) : null,
  grantedBy: 's',
  note: null,
  createdAt: NOW,
  revokedAt: revoked ? NOW : null,
});

describe('the member as the paywall sees them', () => {
  it('judges by a subscription that grants access now, else the most recent', () => {
    const old = sub('canceled', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    const current = sub('active', '2026-04-01T00:00:00Z', '2026-02-01T00:00:00Z');
    const newestDenied = sub('unpaid', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(bestSubscription([old, newestDenied, current], NOW, DEFAULT_PAYWALL_CONFIG)).toEqual({
      status: 'active',
      currentPeriodEnd: new Date('2026-04-01T00:00:00Z'),
    });
    expect(bestSubscription([old, newestDenied], NOW, DEFAULT_PAYWALL_CONFIG)).toEqual({
      status: 'unpaid',
      currentPeriodEnd: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('leaves out states the paywall does not know, and fails closed without a date', () => {
    expect(bestSubscription([sub('incomplete', null, '2026-03-01T00:00:00Z')], NOW, DEFAULT_PAYWALL_CONFIG)).toBeNull();
    expect(bestSubscription([sub('canceled', null, '2026-03-01T00:00:00Z')], NOW, DEFAULT_PAYWALL_CONFIG)).toEqual({
      status: 'canceled',
      currentPeriodEnd: new Date(0),
    });
  });

  it('takes the grant reaching furthest, ignoring revoked ones', () => {
    expect(bestGrant([grant('2026-04-01T00:00:00Z'), grant(null, true), grant('2026-05-01T00:00:00Z')])).toEqual({
      until: new Date('2026-05-01T00:00:00Z'),
    });
    expect(bestGrant([grant('2026-04-01T00:00:00Z'), grant(null)])).toEqual({ until: null });
    expect(bestGrant([grant(null, true)])).toBeNull();
  });

  it('counts the meter in calendar months (UTC)', () => {
    expect(meterMonth(new Date('2026-03-31T23:59:59Z'))).toBe('2026-03');
    expect(meterMonth(new Date('2026-04-01T00:00:00Z'))).toBe('2026-04');
  });
});
