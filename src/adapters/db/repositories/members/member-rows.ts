import type { Selectable } from 'kysely';
import type {
  ComplimentaryGrantRecord,
  GiftLinkRecord,
  MagicLinkPurpose,
  MagicLinkRecord,
  Member,
  MemberSessionRecord,
  StoredSubscription,
} from '../../../../modules/members/index.js';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../../../../modules/members/payments/index.js';
import type {
  ComplimentaryGrantsTable,
  GiftLinksTable,
  MagicLinksTable,
  MembersTable,
  MemberSessionsTable,
  SubscriptionsTable,
} from '../../schema-members.js';

/** Row mapping shared by the members repositories; enum columns are checked on read. */
const date = (value: string) => new Date(value);
const maybeDate = (value: string | null) => (value === null ? null : new Date(value));
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** A member row that still has an email (deleted rows are never returned as members). */
export function toMember(row: Selectable<MembersTable>): Member {
  if (row.email === null) throw new Error(`members row ${row.id} has no email (deleted)`);
  return {
    id: row.id,
    email: row.email,
    preferredEdition: row.preferred_edition,
    providerCustomerId: row.provider_customer_id,
    createdAt: date(row.created_at),
  };
}

export function toSession(row: Selectable<MemberSessionsTable>): MemberSessionRecord {
  return {
    id: row.id,
    memberId: row.member_id,
    csrfToken: row.csrf_token,
    createdAt: date(row.created_at),
    lastSeenAt: date(row.last_seen_at),
    expiresAt: date(row.expires_at),
  };
}

export function toMagicLink(row: Selectable<MagicLinksTable>): MagicLinkRecord {
  if (row.purpose !== 'sign_in' && row.purpose !== 'sign_up') throw new Error(`Unknown magic link purpose "${row.purpose}"`);
  return {
    id: row.id,
    email: row.email,
    purpose: row.purpose as MagicLinkPurpose,
    locale: row.locale,
    returnPath: row.return_path,
    createdAt: date(row.created_at),
    expiresAt: date(row.expires_at),
    usedAt: maybeDate(row.used_at),
  };
}

export function toSubscription(row: Selectable<SubscriptionsTable>): StoredSubscription {
  if (!(SUBSCRIPTION_STATUSES as readonly string[]).includes(row.status)) throw new Error(`Unknown subscription status "${row.status}"`);
  return {
    providerSubscriptionId: row.provider_subscription_id,
    customerId: row.customer_id,
    memberRef: row.member_id,
    status: row.status as SubscriptionStatus,
    priceId: row.price_id,
    currentPeriodEnd: maybeDate(row.current_period_end),
    cancelAtPeriodEnd: Number(row.cancel_at_period_end) === 1,
    cancelAt: maybeDate(row.cancel_at),
    providerUpdatedAt: date(row.provider_updated_at),
    lastEventId: row.last_event_id,
    provider: row.provider,
    planId: row.plan_id,
    paidThrough: maybeDate(row.paid_through),
    createdAt: date(row.created_at),
  };
}

/** The columns of a subscription row (without id and created_at) from the stored state. */
export function subscriptionColumns(s: StoredSubscription, now: Date) {
  return {
    member_id: s.memberRef,
    provider: s.provider,
    provider_subscription_id: s.providerSubscriptionId,
    customer_id: s.customerId,
    status: s.status,
    price_id: s.priceId,
    plan_id: s.planId,
    current_period_end: iso(s.currentPeriodEnd),
    paid_through: iso(s.paidThrough),
    cancel_at_period_end: s.cancelAtPeriodEnd ? 1 : 0,
    cancel_at: iso(s.cancelAt),
    provider_updated_at: s.providerUpdatedAt.toISOString(),
    last_event_id: s.lastEventId,
    updated_at: now.toISOString(),
  };
}

export function toGrant(row: Selectable<ComplimentaryGrantsTable>): ComplimentaryGrantRecord {
  return {
    id: row.id,
    memberId: row.member_id,
    until: maybeDate(row.until),
    grantedBy: row.granted_by,
    note: row.note,
    createdAt: date(row.created_at),
    revokedAt: maybeDate(row.revoked_at),
  };
}

export function toGiftLink(row: Selectable<GiftLinksTable>): GiftLinkRecord {
  return {
    id: row.id,
    storyId: row.story_id,
    createdBy: row.created_by,
    usesLeft: Number(row.uses_left),
    expiresAt: date(row.expires_at),
    createdAt: date(row.created_at),
  };
}
