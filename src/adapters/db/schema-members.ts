/**
 * Tables created by migration 0006-members: readers (members), their sessions and magic links, the
 * monthly meter, provider subscriptions and the webhook events already applied, complimentary
 * grants and gift links. Timestamps are ISO-8601 UTC text, booleans 0/1, secrets only as SHA-256 hex.
 */
export interface MembersTable {
  id: string;
  /** Trimmed and lower-cased; null once the account is deleted (the row stays for accounting). */
  email: string | null;
  preferred_edition: string | null;
  /** The payment provider's customer (from checkout); what the portal and later checkouts need. */
  provider_customer_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MemberSessionsTable {
  id: string;
  member_id: string;
  /** SHA-256 hex of the cookie token; the token itself is never stored. */
  token_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface MagicLinksTable {
  id: string;
  token_hash: string;
  email: string;
  /** 'sign_in' (a member has this email) or 'sign_up' (the member is created when followed). */
  purpose: string;
  /** The edition the link was requested in: the mail and the pages speak it. */
  locale: string;
  /** Where to go once signed in (a path on this site). */
  return_path: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MemberMonthlyReadsTable {
  member_id: string;
  /** 'YYYY-MM' of meterMonthStart (UTC). */
  month: string;
  story_id: string;
  read_at: string;
}

export interface SubscriptionsTable {
  id: string;
  /** Our member id as the provider reports it (memberRef); no foreign key: the record outlives. */
  member_id: string | null;
  provider: string;
  provider_subscription_id: string;
  customer_id: string;
  status: string;
  price_id: string | null;
  /** The configured plan of `price_id`, when one matches. */
  plan_id: string | null;
  current_period_end: string | null;
  /** End of the last period paid for: what the paywall reads (see paid-through.ts). */
  paid_through: string | null;
  cancel_at_period_end: number;
  cancel_at: string | null;
  /** The snapshot time this row reflects: the ordering key for out-of-order webhooks. */
  provider_updated_at: string;
  last_event_id: string;
  created_at: string;
  updated_at: string;
}

export interface ProcessedEventsTable {
  provider: string;
  event_id: string;
  /** The provider's event type and what we did with it, for support. */
  type: string;
  outcome: string;
  processed_at: string;
}

export interface ComplimentaryGrantsTable {
  id: string;
  member_id: string;
  /** Null: open-ended. */
  until: string | null;
  /** Staff id; no foreign key: the record outlives. */
  granted_by: string;
  note: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface GiftLinksTable {
  id: string;
  token_hash: string;
  story_id: string;
  created_by: string;
  uses_left: number;
  expires_at: string;
  created_at: string;
}

/** One browser's redeemed use of a gift link: the mh_gift cookie holds its token. */
export interface GiftRedemptionsTable {
  id: string;
  gift_link_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface MemberTables {
  members: MembersTable;
  member_sessions: MemberSessionsTable;
  magic_links: MagicLinksTable;
  member_monthly_reads: MemberMonthlyReadsTable;
  subscriptions: SubscriptionsTable;
  processed_events: ProcessedEventsTable;
  complimentary_grants: ComplimentaryGrantsTable;
  gift_links: GiftLinksTable;
  gift_redemptions: GiftRedemptionsTable;
}
