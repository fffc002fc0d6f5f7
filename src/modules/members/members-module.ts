import type { Clock } from '../../shared/clock.js';
import type { Mailer } from '../../shared/mail.js';
import type { EnqueueJob, Handlers } from '../jobs/index.js';
import type { MemberReader, PaywallConfig } from '../paywall/index.js';
import { AccountService } from './account-service.js';
import { BillingService } from './billing-service.js';
import { ComplimentaryService } from './complimentary-service.js';
import { GiftService } from './gift-service.js';
import { magicLinkMailJob } from './magic-link-mail.js';
import { magicLinkMailHandler } from './magic-link-mail-job.js';
import { MagicLinkService } from './magic-links.js';
import { MemberSessionService } from './member-sessions.js';
import type { AccountRequestLimits, MemberStores } from './member-stores.js';
import type { PaymentProvider } from './payments/index.js';
import type { PlansConfig } from './plans.js';
import { memberReaderState, meterMonth } from './reader-state.js';
import { SubscriptionService } from './subscription-service.js';

export interface MembersModuleDeps {
  stores: MemberStores;
  /** The sign-in request limits: `SIGN_IN_RULES` over the database-backed rate limiter. */
  signInLimits: AccountRequestLimits;
  /** Mails go through the durable job queue (`membersJobHandlers` sends them). */
  enqueue: EnqueueJob;
  clock: Clock;
  /** Absolute site URL without a trailing slash: links in mails and provider redirects point there. */
  publicUrl: string;
  siteName: string;
  plans: PlansConfig;
  paywall: PaywallConfig;
  /** Null when no payment provider is configured. */
  provider: PaymentProvider | null;
  /** Recorded with subscriptions and processed events ('stripe'). */
  providerName: string;
  /** The editions' locales (a preferred edition is one of them). */
  editions: readonly string[];
}

/** The use cases of the members module, built over its stores. */
export interface MembersModule {
  magicLinks: MagicLinkService;
  sessions: MemberSessionService;
  accounts: AccountService;
  billing: BillingService;
  subscriptions: SubscriptionService;
  complimentary: ComplimentaryService;
  gifts: GiftService;
  /** The member as the paywall decides for them, read now. */
  readerState(memberId: string, now: Date): Promise<MemberReader>;
  /** Counts a metered read in the member's monthly meter (once per story and month). */
  recordRead(memberId: string, storyId: string, now: Date): Promise<void>;
}

export function createMembersModule(deps: MembersModuleDeps): MembersModule {
  const { stores, clock } = deps;
  const sessions = new MemberSessionService({ sessions: stores.sessions, clock });
  return {
    magicLinks: new MagicLinkService({
      members: stores.members,
      links: stores.magicLinks,
      sessions,
      limits: deps.signInLimits,
      enqueue: deps.enqueue,
      clock,
    }),
    sessions,
    accounts: new AccountService({ stores, clock, editions: deps.editions }),
    billing: new BillingService({
      provider: deps.provider,
      subscriptions: stores.subscriptions,
      plans: deps.plans,
      publicUrl: deps.publicUrl,
    }),
    subscriptions: new SubscriptionService({ store: stores.subscriptions, plans: deps.plans, clock, provider: deps.providerName }),
    complimentary: new ComplimentaryService({ members: stores.members, grants: stores.complimentary, clock }),
    gifts: new GiftService({ gifts: stores.gifts, stories: stores.stories, clock, paywall: deps.paywall }),
    readerState: (memberId, now) => memberReaderState({ ...stores, paywall: deps.paywall }, memberId, now),
    recordRead: (memberId, storyId, now) => stores.reads.record(memberId, meterMonth(now), storyId, now),
  };
}

/** The members module's job handlers: the sign-in and sign-up mail. */
export function membersJobHandlers(deps: {
  stores: Pick<MemberStores, 'members' | 'magicLinks'>;
  clock: Clock;
  mailer: Mailer;
  /** Absolute site URL without a trailing slash: links point there. */
  publicUrl: string;
  siteName: string;
}): Handlers {
  const { stores, ...rest } = deps;
  return { [magicLinkMailJob.type]: magicLinkMailHandler({ members: stores.members, links: stores.magicLinks, ...rest }) };
}
