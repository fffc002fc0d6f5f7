/**
 * The access decision. One pure function, called on the server by every surface that shows story
 * text (pages, API, feeds, newsletters, search excerpts), so no surface can apply a different rule.
 *
 * Order, first match wins:
 *  1. A subscription that grants access, or a complimentary grant: everything.
 *  1b. A verified search crawler (`verifiedCrawler`, honoured only while `crawlerAccess.enabled`):
 *     everything, `verified_crawler`, never counted and never spending a gift link. The caller sets
 *     it only after verifying the address by DNS; a user agent alone never makes a crawler.
 *  2. Archive rule (when on): stories older than `archiveDays` need a paid plan, whatever their level,
 *     `public` included. A valid gift link for this story still opens it.
 *  3. `public`: everyone.
 *  4. `registered`: any signed-in member; others need a gift link, or are asked to register.
 *  5. `paid`: a gift link for this story, or the reader is asked to subscribe.
 *  6. `metered`: a story already in the reader's meter is free to re-read; else a gift link for this
 *     story (so it does not use up the reader's meter); else the meter decides: members by calendar
 *     month, anonymous readers by rolling 30 days. A tampered cookie is never a fresh meter.
 * A gift link is only ever the reason when nothing else would grant access, so `reason: 'gift'`
 * means the link was needed.
 */
import type { AccessDecision, AccessInput, AnonymousReader, MemberReader, Offer, PaywallConfig, ReaderState } from './access-types.js';
import { complimentaryGrantsAccess, giftLinkStatus, isArchived, subscriptionGrantsAccess } from './entitlements.js';
import { activeMeterEntries } from './meter.js';

const GRANT_GIFT: AccessDecision = { granted: true, reason: 'gift', countRead: false };

export function decideAccess(input: AccessInput): AccessDecision {
  const { story, reader, gift, now, config } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('decideAccess: invalid "now"');

  if (reader.kind === 'member') {
    if (reader.subscription && subscriptionGrantsAccess(reader.subscription, now, config)) {
      return { granted: true, reason: 'subscriber', countRead: false };
    }
    if (reader.complimentary && complimentaryGrantsAccess(reader.complimentary, now)) {
      return { granted: true, reason: 'complimentary', countRead: false };
    }
  }

  if (input.verifiedCrawler === true && config.crawlerAccess.enabled) {
    return { granted: true, reason: 'verified_crawler', countRead: false };
  }

  const hasGift = gift != null && gift.storyId === story.storyId && giftLinkStatus(gift, now) === 'valid';

  if (isArchived(story, now, config)) {
    return hasGift ? GRANT_GIFT : deny('archive_requires_subscription', 'subscribe');
  }

  switch (story.accessLevel) {
    case 'public':
      return { granted: true, reason: 'public', countRead: false };
    case 'registered':
      if (reader.kind === 'member') return { granted: true, reason: 'registered', countRead: false };
      return hasGift ? GRANT_GIFT : deny('registration_required', 'register');
    case 'metered':
      return reader.kind === 'member'
        ? meterMember(reader, story.storyId, hasGift, config)
        : meterAnonymous(reader, story.storyId, hasGift, now, config);
    case 'paid':
    default:
      // An unknown level (bad data) is treated as the strictest one.
      return hasGift ? GRANT_GIFT : deny('subscription_required', 'subscribe');
  }
}

function meterMember(reader: MemberReader, storyId: string, hasGift: boolean, config: PaywallConfig): AccessDecision {
  const reads = new Set(reader.monthlyReads);
  if (reads.has(storyId)) return { granted: true, reason: 'metered_reread', countRead: false };
  if (hasGift) return GRANT_GIFT;
  if (reads.size < config.registeredMeterLimit) return { granted: true, reason: 'metered_within_limit', countRead: true };
  return deny('meter_exhausted', 'subscribe');
}

function meterAnonymous(reader: AnonymousReader, storyId: string, hasGift: boolean, now: Date, config: PaywallConfig): AccessDecision {
  if (reader.meter === 'invalid') return hasGift ? GRANT_GIFT : deny('invalid_meter', 'register');
  const active = activeMeterEntries(reader.meter, now);
  if (active.some((e) => e.storyId === storyId)) return { granted: true, reason: 'metered_reread', countRead: false };
  if (hasGift) return GRANT_GIFT;
  const read = new Set(active.map((e) => e.storyId)).size;
  if (read < config.anonymousMeterLimit) return { granted: true, reason: 'metered_within_limit', countRead: true };
  // Registering opens the member's own monthly meter, unless members get no free stories either.
  return deny('meter_exhausted', config.registeredMeterLimit > 0 ? 'register' : 'subscribe');
}

function deny(reason: Extract<AccessDecision, { granted: false }>['reason'], offer: Offer): AccessDecision {
  return { granted: false, reason, offer };
}

/**
 * How many more metered stories this reader may read free in their meter's window once this read
 * is counted (the member's calendar month, the anonymous reader's rolling 30 days), or null when no
 * meter applies to this decision (not a metered grant: a subscriber, a gift, a denial, a tampered meter).
 */
export function freeReadsLeft(reader: ReaderState, decision: AccessDecision, now: Date, config: PaywallConfig): number | null {
  if (!decision.granted || (decision.reason !== 'metered_within_limit' && decision.reason !== 'metered_reread')) return null;
  const counted = decision.countRead ? 1 : 0;
  if (reader.kind === 'member') return Math.max(0, config.registeredMeterLimit - new Set(reader.monthlyReads).size - counted);
  if (reader.meter === 'invalid') return null;
  const read = new Set(activeMeterEntries(reader.meter, now).map((e) => e.storyId)).size;
  return Math.max(0, config.anonymousMeterLimit - read - counted);
}
