import { describe, expect, it } from 'vitest';
import type { SubscriptionState, SubscriptionStatus } from './payments/index.js';
import { paidThrough } from './paid-through.js';

const d = (iso: string) => new Date(iso);
const snapshot = (status: SubscriptionStatus, currentPeriodEnd: string | null, updatedAt = '2026-04-01T10:00:00Z'): SubscriptionState => ({
  providerSubscriptionId: 'sub_1',
  customerId: 'cus_1',
  memberRef: 'mem_1',
  status,
  priceId: 'price_m',
  currentPeriodEnd: currentPeriodEnd ? d(currentPeriodEnd) : null,
  cancelAtPeriodEnd: false,
  cancelAt: null,
  providerUpdatedAt: d(updatedAt),
  lastEventId: 'evt',
});
const stored = (status: SubscriptionStatus, end: string, paid: string | null = end) => ({
  status,
  currentPeriodEnd: d(end),
  paidThrough: paid ? d(paid) : null,
});

describe('paidThrough', () => {
  it('is the period end while trialing or active', () => {
    expect(paidThrough(null, snapshot('trialing', '2026-03-15T00:00:00Z'))).toEqual(d('2026-03-15T00:00:00Z'));
    expect(
      paidThrough(stored('past_due', '2026-05-01T00:00:00Z', '2026-04-01T00:00:00Z'), snapshot('active', '2026-05-01T00:00:00Z')),
    ).toEqual(d('2026-05-01T00:00:00Z'));
  });

  it('stops at the last paid period when a renewal fails (Stripe already moved the period on)', () => {
    const active = stored('active', '2026-04-01T10:00:00Z');
    expect(paidThrough(active, snapshot('past_due', '2026-05-01T10:00:00Z'))).toEqual(d('2026-04-01T10:00:00Z'));
    // It does not move while unpaid, and survives to unpaid and canceled.
    const pastDue = stored('past_due', '2026-05-01T10:00:00Z', '2026-04-01T10:00:00Z');
    expect(paidThrough(pastDue, snapshot('past_due', '2026-05-01T10:00:00Z', '2026-04-05T00:00:00Z'))).toEqual(d('2026-04-01T10:00:00Z'));
    expect(paidThrough(pastDue, snapshot('unpaid', '2026-05-01T10:00:00Z'))).toEqual(d('2026-04-01T10:00:00Z'));
    expect(paidThrough(pastDue, snapshot('canceled', '2026-05-01T10:00:00Z'))).toEqual(d('2026-04-01T10:00:00Z'));
  });

  it('first seen past due: the snapshot time, never the unpaid period end', () => {
    expect(paidThrough(null, snapshot('past_due', '2026-05-01T10:00:00Z', '2026-04-01T10:05:00Z'))).toEqual(d('2026-04-01T10:05:00Z'));
  });

  it('a cancellation keeps the paid period; during a trial it ends at the cancellation', () => {
    expect(paidThrough(stored('active', '2026-05-01T00:00:00Z'), snapshot('canceled', '2026-05-01T00:00:00Z'))).toEqual(
      d('2026-05-01T00:00:00Z'),
    );
    expect(
      paidThrough(stored('trialing', '2026-04-14T00:00:00Z'), snapshot('canceled', '2026-04-14T00:00:00Z', '2026-04-03T00:00:00Z')),
    ).toEqual(d('2026-04-03T00:00:00Z'));
  });

  it('an incomplete first payment paid for nothing', () => {
    expect(paidThrough(null, snapshot('incomplete', '2026-05-01T00:00:00Z'))).toBeNull();
    expect(
      paidThrough(stored('incomplete', '2026-05-01T00:00:00Z', null), snapshot('incomplete_expired', '2026-05-01T00:00:00Z')),
    ).toBeNull();
  });
});
