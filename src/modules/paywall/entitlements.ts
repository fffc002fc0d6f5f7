/**
 * The small rules behind a decision, exported so that other surfaces (account pages, gift-link
 * pages) explain access with exactly the rules `decideAccess` applies. Every comparison fails
 * closed: an invalid date never grants access.
 */
import type { ComplimentaryGrant, GiftLink, GiftLinkStatus, PaywallConfig, StoryAccessInfo, Subscription } from './access-types.js';

export const DAY_MS = 86_400_000;

/**
 * Whether a subscription grants paid access now.
 * - `trialing`, `active`: yes. The provider's status is the truth; a renewal moves the period end
 *   only when its webhook lands, and denying a paying reader over webhook lag is the worse error.
 * - `past_due`: yes until `pastDueGraceDays` after the paid period ends, while the provider
 *   retries the card (a reader whose card expired should not lose access mid-story).
 * - `canceled`: yes until the end of the period already paid for, never after.
 * - `unpaid`: no. The provider gave up collecting; the current period was never paid.
 */
export function subscriptionGrantsAccess(subscription: Subscription, now: Date, config: PaywallConfig): boolean {
  const end = subscription.currentPeriodEnd.getTime();
  const t = now.getTime();
  switch (subscription.status) {
    case 'trialing':
    case 'active':
      return true;
    case 'past_due':
      return t < end + config.pastDueGraceDays * DAY_MS;
    case 'canceled':
      return t < end;
    case 'unpaid':
      return false;
    default:
      return false;
  }
}

/** A staff grant holds until its `until` (exclusive); `until: null` never ends. */
export function complimentaryGrantsAccess(grant: ComplimentaryGrant, now: Date): boolean {
  return grant.until === null || now.getTime() < grant.until.getTime();
}

/** Expired once `now` reaches `expiresAt`; exhausted when no uses remain. Expiry is reported first. */
export function giftLinkStatus(gift: GiftLink, now: Date): GiftLinkStatus {
  if (!(now.getTime() < gift.expiresAt.getTime())) return 'expired';
  if (!(gift.usesRemaining > 0)) return 'exhausted';
  return 'valid';
}

/**
 * Whether the archive rule puts this story behind the paid plan: the rule is on and the story was
 * published more than `archiveDays` days ago. An unpublished story is never archived; an invalid
 * publication date is treated as archived.
 */
/** The last moment a story is not yet archived (caches must not keep its free page beyond it); null: never archived. */
export function archivesAfter(story: StoryAccessInfo, config: PaywallConfig): Date | null {
  if (config.archiveDays === null || story.publishedAt === null) return null;
  return new Date(story.publishedAt.getTime() + config.archiveDays * DAY_MS);
}

export function isArchived(story: StoryAccessInfo, now: Date, config: PaywallConfig): boolean {
  if (config.archiveDays === null || story.publishedAt === null) return false;
  const age = now.getTime() - story.publishedAt.getTime();
  return !(age <= config.archiveDays * DAY_MS);
}

/**
 * Whether every reader, even one with nothing (anonymous, no meter left, no gift), may read the
 * story: it is `public` and the archive rule does not take it. The decision for any reader of such
 * a story is `public` (`decideAccess`, rules 2 and 3), so its page is the same for all and may be
 * shared without deciding for the reader. Tested against `decideAccess` (free-for-everyone.test.ts).
 */
export function isFreeForEveryone(story: StoryAccessInfo, now: Date, config: PaywallConfig): boolean {
  return story.accessLevel === 'public' && !isArchived(story, now, config);
}
