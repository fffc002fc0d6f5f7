import type { SubscriptionState, SubscriptionStatus } from './payments/index.js';

/** A reader with an account. `email` is trimmed and lower-cased. */
export interface Member {
  id: string;
  email: string;
  preferredEdition: string | null;
  /** The payment provider's customer, known after the first checkout. */
  providerCustomerId: string | null;
  createdAt: Date;
}

export type MagicLinkPurpose = 'sign_in' | 'sign_up';

export interface MagicLinkRecord {
  id: string;
  email: string;
  purpose: MagicLinkPurpose;
  locale: string;
  returnPath: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface MemberSessionRecord {
  id: string;
  memberId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A provider subscription as stored: the reducer's state plus what the members module adds. */
export interface StoredSubscription extends SubscriptionState {
  provider: string;
  /** The configured plan whose price this is, if any. */
  planId: string | null;
  /** End of the last period actually paid for (see paid-through.ts): what the paywall reads. */
  paidThrough: Date | null;
  createdAt: Date;
}

export interface ComplimentaryGrantRecord {
  id: string;
  memberId: string;
  until: Date | null;
  grantedBy: string;
  note: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface GiftLinkRecord {
  id: string;
  storyId: string;
  createdBy: string;
  usesLeft: number;
  expiresAt: Date;
  createdAt: Date;
}

/** What a story is, as far as gifts need to know (in one edition). */
export interface GiftableStory {
  storyId: string;
  accessLevel: string;
  title: string;
  /** The story's URL path in that edition. */
  path: string;
}

export interface MonthlyRead {
  month: string;
  storyId: string;
  readAt: Date;
}

/** Everything we hold about one member, as the "download my data" file carries it. */
export interface MemberDataExport {
  exportedAt: string;
  member: { id: string; email: string; preferredEdition: string | null; createdAt: string; paymentCustomerId: string | null };
  sessions: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string }>;
  signInLinks: Array<{ purpose: MagicLinkPurpose; requestedAt: string; usedAt: string | null }>;
  subscriptions: Array<{
    provider: string;
    plan: string | null;
    status: SubscriptionStatus;
    currentPeriodEnd: string | null;
    cancelAtPeriodEnd: boolean;
    startedAt: string;
  }>;
  complimentaryAccess: Array<{ until: string | null; grantedAt: string; revokedAt: string | null }>;
  giftLinks: Array<{ storyId: string; usesLeft: number; expiresAt: string; createdAt: string }>;
  storiesRead: Array<{ month: string; storyId: string; readAt: string }>;
}
