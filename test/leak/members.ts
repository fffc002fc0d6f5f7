import { randomBytes, randomUUID } from 'node:crypto';
import type { Services } from '../../src/app/container.js';
import { meterMonth, type MemberStores } from '../../src/modules/members/index.js';
import { hashToken } from '../../src/shared/tokens.js';

/**
 * Readers made through the members module's own stores (the database both dialects share): a
 * signed-in member is a session row and the `mh_member` cookie holding its token; a subscriber has
 * a subscription row; a gift recipient holds a redeemed gift link in `mh_gift`. The site then
 * resolves them with the real members wiring, as it would any reader.
 */
export interface TestMembers {
  stores: MemberStores;
  /** A member, signed in: returns their id and the Cookie header of their browser. */
  signIn(
    email: string,
    options?: { subscription?: { status: string; paidThrough: Date }; readsThisMonth?: readonly string[] },
  ): Promise<{ memberId: string; cookie: string }>;
  /** The Cookie header of a browser that redeemed a gift link to this story made by `giverId`. */
  giftCookie(storyId: string, giverId: string): Promise<string>;
  /** The stories this member has read this month, as the database counts them. */
  monthlyReads(memberId: string): Promise<string[]>;
}

const token = () => randomBytes(32).toString('base64url');

export function testMembers(services: Services): TestMembers {
  const { members: stores } = services.stores;
  const now = () => services.clock.now();
  return {
    stores,
    async signIn(email, options = {}) {
      const at = now();
      const member = await stores.members.findOrCreate(email, 'en', at);
      const secret = token();
      await stores.sessions.create(
        { memberId: member.id, tokenHash: hashToken(secret), csrfToken: token(), expiresAt: new Date(at.getTime() + 30 * 86_400_000) },
        at,
      );
      for (const storyId of options.readsThisMonth ?? []) await stores.reads.record(member.id, meterMonth(at), storyId, at);
      if (options.subscription) {
        const iso = at.toISOString();
        await services.database.db
          .insertInto('subscriptions')
          .values({
            id: randomUUID(),
            member_id: member.id,
            provider: 'stripe',
            provider_subscription_id: `sub_${randomUUID().slice(0, 12)}`,
            customer_id: `cus_${randomUUID().slice(0, 12)}`,
            status: options.subscription.status,
            price_id: 'price_supporter_monthly',
            plan_id: 'supporter',
            current_period_end: options.subscription.paidThrough.toISOString(),
            paid_through: options.subscription.paidThrough.toISOString(),
            cancel_at_period_end: 0,
            cancel_at: null,
            provider_updated_at: iso,
            last_event_id: `evt_${randomUUID().slice(0, 12)}`,
            created_at: iso,
            updated_at: iso,
          })
          .execute();
      }
      return { memberId: member.id, cookie: `mh_member=${secret}` };
    },
    async giftCookie(storyId, giverId) {
      const at = now();
      const link = await stores.gifts.create(
        { tokenHash: hashToken(token()), storyId, createdBy: giverId, usesLeft: 5, expiresAt: new Date(at.getTime() + 7 * 86_400_000) },
        at,
      );
      const redemption = token();
      if (!(await stores.gifts.redeem(link.id, hashToken(redemption), at, new Date(at.getTime() + 86_400_000))))
        throw new Error('gift link could not be redeemed');
      return `mh_gift=${redemption}`;
    },
    monthlyReads: (memberId) => stores.reads.storiesIn(memberId, meterMonth(now())),
  };
}
