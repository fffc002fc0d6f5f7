import { AppError } from '../../shared/errors.js';
import type { Clock } from '../../shared/clock.js';
import { renewingSubscription } from './billing-service.js';
import type { MemberStores } from './member-stores.js';
import type { ComplimentaryGrant } from '../paywall/index.js';
import type { GiftLinkRecord, Member, MemberDataExport, StoredSubscription } from './member-types.js';
import { bestGrant } from './reader-state.js';

export interface AccountOverview {
  subscriptions: StoredSubscription[];
  complimentary: ComplimentaryGrant | null;
  openGifts: GiftLinkRecord[];
  /** Whether the provider's portal has something to show (a customer exists). */
  hasBilling: boolean;
}

/** The member's own account: preferences, a copy of their data, deletion. */
export class AccountService {
  constructor(private readonly deps: { stores: MemberStores; clock: Clock; editions: readonly string[] }) {}

  async setPreferredEdition(member: Member, locale: string): Promise<void> {
    if (!this.deps.editions.includes(locale)) throw new AppError('invalid_input', 'Not an edition', { field: 'edition' });
    await this.deps.stores.members.setPreferredEdition(member.id, locale, this.deps.clock.now());
  }

  /** What the account page shows: subscriptions (newest first), grants, the gift links still open. */
  async overview(member: Member): Promise<AccountOverview> {
    const s = this.deps.stores;
    const now = this.deps.clock.now();
    const [subscriptions, grants, gifts] = await Promise.all([
      s.subscriptions.listOf(member.id),
      s.complimentary.listOf(member.id),
      s.gifts.listOf(member.id),
    ]);
    return {
      subscriptions,
      complimentary: bestGrant(grants),
      openGifts: gifts.filter((g) => g.usesLeft > 0 && g.expiresAt.getTime() > now.getTime()),
      hasBilling: member.providerCustomerId !== null || subscriptions.length > 0,
    };
  }

  /** Everything we hold about the member (no token, no hash, nothing about anyone else). */
  async exportData(member: Member): Promise<MemberDataExport> {
    const s = this.deps.stores;
    const [sessions, links, subscriptions, grants, gifts, reads] = await Promise.all([
      s.sessions.listOf(member.id),
      s.magicLinks.listFor(member.email),
      s.subscriptions.listOf(member.id),
      s.complimentary.listOf(member.id),
      s.gifts.listOf(member.id),
      s.reads.listOf(member.id),
    ]);
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      exportedAt: this.deps.clock.now().toISOString(),
      member: {
        id: member.id,
        email: member.email,
        preferredEdition: member.preferredEdition,
        createdAt: member.createdAt.toISOString(),
        paymentCustomerId: member.providerCustomerId,
      },
      sessions: sessions.map((x) => ({
        createdAt: x.createdAt.toISOString(),
        lastSeenAt: x.lastSeenAt.toISOString(),
        expiresAt: x.expiresAt.toISOString(),
      })),
      signInLinks: links.map((x) => ({ purpose: x.purpose, requestedAt: x.createdAt.toISOString(), usedAt: iso(x.usedAt) })),
      subscriptions: subscriptions.map((x) => ({
        provider: x.provider,
        plan: x.planId,
        status: x.status,
        currentPeriodEnd: iso(x.currentPeriodEnd),
        cancelAtPeriodEnd: x.cancelAtPeriodEnd,
        startedAt: x.createdAt.toISOString(),
      })),
      complimentaryAccess: grants.map((x) => ({ until: iso(x.until), grantedAt: x.createdAt.toISOString(), revokedAt: iso(x.revokedAt) })),
      giftLinks: gifts.map((x) => ({
        storyId: x.storyId,
        usesLeft: x.usesLeft,
        expiresAt: x.expiresAt.toISOString(),
        createdAt: x.createdAt.toISOString(),
      })),
      storiesRead: reads.map((x) => ({ month: x.month, storyId: x.storyId, readAt: x.readAt.toISOString() })),
    };
  }

  /**
   * Deletes the member's personal data and signs them out everywhere. Kept, for accounting: the
   * subscription records (plan, status, dates, the provider's customer and subscription ids), tied
   * to an account row that no longer holds an email. Refused (`conflict`, reason
   * `subscription_renews`) while a subscription would still charge: cancel it in the portal first.
   */
  async deleteAccount(member: Member): Promise<void> {
    const subscriptions = await this.deps.stores.subscriptions.listOf(member.id);
    if (renewingSubscription(subscriptions))
      throw new AppError('conflict', 'Cancel the subscription first', { reason: 'subscription_renews' });
    await this.deps.stores.members.deletePersonalData(member.id, this.deps.clock.now());
  }
}
