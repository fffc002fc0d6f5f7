import {
  complimentaryGrantsAccess,
  meterMonthStart,
  subscriptionGrantsAccess,
  SUBSCRIPTION_STATUSES as PAYWALL_STATUSES,
  type ComplimentaryGrant,
  type MemberReader,
  type PaywallConfig,
  type Subscription,
  type SubscriptionStatus as PaywallStatus,
} from '../paywall/index.js';
import type { MemberReadStore, SubscriptionStore, ComplimentaryStore } from './member-stores.js';
import type { ComplimentaryGrantRecord, StoredSubscription } from './member-types.js';

/** The month a member's meter counts in ('YYYY-MM', UTC), from the paywall's own boundary. */
export function meterMonth(now: Date): string {
  return meterMonthStart(now).toISOString().slice(0, 7);
}

/**
 * The subscription the paywall should judge a member by: one that grants access now if any does,
 * else the most recent. Provider states the paywall does not know (incomplete, paused, expired)
 * never grant access and are left out. The period end is the paid-through date; a missing one is
 * the epoch, which grants nothing after it (fail closed).
 */
export function bestSubscription(rows: readonly StoredSubscription[], now: Date, config: PaywallConfig): Subscription | null {
  const candidates = rows
    .filter((row) => (PAYWALL_STATUSES as readonly string[]).includes(row.status))
    .map((row) => ({
      row,
      subscription: { status: row.status as PaywallStatus, currentPeriodEnd: row.paidThrough ?? new Date(0) },
    }))
    .sort((a, b) => b.row.providerUpdatedAt.getTime() - a.row.providerUpdatedAt.getTime());
  const granting = candidates.find((c) => subscriptionGrantsAccess(c.subscription, now, config));
  return (granting ?? candidates[0])?.subscription ?? null;
}

/** The grant that reaches furthest (open-ended first) among those not revoked. */
export function bestGrant(grants: readonly ComplimentaryGrantRecord[]): ComplimentaryGrant | null {
  const live = grants.filter((g) => g.revokedAt === null).map((g) => ({ until: g.until }));
  const open = live.find((g) => g.until === null);
  if (open) return open;
  const latest = live.sort((a, b) => (b.until?.getTime() ?? 0) - (a.until?.getTime() ?? 0))[0];
  return latest ?? null;
}

export interface ReaderStateDeps {
  reads: MemberReadStore;
  subscriptions: SubscriptionStore;
  complimentary: ComplimentaryStore;
  paywall: PaywallConfig;
}

/** A signed-in member as the paywall's `decideAccess` takes them, read from the database now. */
export async function memberReaderState(deps: ReaderStateDeps, memberId: string, now: Date): Promise<MemberReader> {
  const [monthlyReads, subscriptions, grants] = await Promise.all([
    deps.reads.storiesIn(memberId, meterMonth(now)),
    deps.subscriptions.listOf(memberId),
    deps.complimentary.listOf(memberId),
  ]);
  return {
    kind: 'member',
    memberId,
    monthlyReads,
    subscription: bestSubscription(subscriptions, now, deps.paywall),
    complimentary: bestGrant(grants),
  };
}

/** Whether the member has paid access now (a granting subscription or grant): gift links need it. */
export function hasPaidAccess(reader: MemberReader, now: Date, config: PaywallConfig): boolean {
  return (
    (reader.subscription !== null && subscriptionGrantsAccess(reader.subscription, now, config)) ||
    (reader.complimentary !== null && complimentaryGrantsAccess(reader.complimentary, now))
  );
}
