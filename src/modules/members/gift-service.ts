import type { Clock } from '../../shared/clock.js';
import { AppError, forbidden, invalidInput, notFound } from '../../shared/errors.js';
import { giftLinkStatus, type GiftLink, type GiftLinkStatus, type MemberReader, type PaywallConfig } from '../paywall/index.js';
import type { GiftStore, GiftStoryLookup } from './member-stores.js';
import type { GiftableStory, GiftLinkRecord } from './member-types.js';
import { hasPaidAccess } from './reader-state.js';
import { hashToken, randomToken } from '../../shared/tokens.js';
import { looksLikeToken } from './tokens.js';

export const GIFT_USES = 5;
export const GIFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * How long one browser's redemption opens the story: a day, and never past the link's expiry. The
 * redemption is a cookie, and a cookie can be copied to other clients; a short life bounds what a
 * copy gives (one story, for at most a day). See the paywall README, "Gift links and copied cookies".
 */
export const GIFT_REDEMPTION_TTL_MS = 24 * 60 * 60 * 1000;
/** Gift links one member may create per day. */
export const GIFT_DAILY_LIMIT = 10;
/** Redemptions a browser keeps (the mh_gift cookie holds their tokens). */
export const GIFT_COOKIE_MAX_TOKENS = 8;

export type GiftOpening =
  { status: 'valid' | 'expired' | 'exhausted'; link: GiftLinkRecord; story: GiftableStory | null; held: boolean } | { status: 'unknown' };

export type GiftRedemption =
  | { kind: 'redeemed'; token: string; expiresAt: Date; story: GiftableStory }
  | { kind: 'held'; story: GiftableStory }
  | { kind: 'unavailable'; status: 'unknown' | GiftLinkStatus };

/**
 * Gift links: a member with paid access shares one story; the link opens it for `GIFT_USES`
 * browsers during `GIFT_TTL_MS`. A use is spent when a browser redeems the link (a button press,
 * so link previews and mail scanners spend nothing), and that browser then holds a redemption for
 * `GIFT_REDEMPTION_TTL_MS` (at most until the link expires): re-reading within it spends nothing.
 * The sharer opening their own link spends none.
 */
export class GiftService {
  constructor(private readonly deps: { gifts: GiftStore; stories: GiftStoryLookup; clock: Clock; paywall: PaywallConfig }) {}

  /** The story a member may share: `forbidden` without paid access, `not_found`, `invalid_input` when it is free. */
  async giftable(reader: MemberReader, edition: string, storyId: string): Promise<GiftableStory> {
    const now = this.deps.clock.now();
    if (!hasPaidAccess(reader, now, this.deps.paywall)) throw forbidden('Gift links are for subscribers', { reason: 'not_subscriber' });
    const story = await this.deps.stories.find(edition, storyId, now);
    if (!story) throw notFound('No such story in this edition');
    if (story.accessLevel === 'public') throw invalidInput('This story is free to read already', { reason: 'public_story' });
    return story;
  }

  async create(
    reader: MemberReader,
    edition: string,
    storyId: string,
  ): Promise<{ token: string; link: GiftLinkRecord; story: GiftableStory }> {
    const story = await this.giftable(reader, edition, storyId);
    const now = this.deps.clock.now();
    const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
    if ((await this.deps.gifts.countCreatedSince(reader.memberId, since)) >= GIFT_DAILY_LIMIT) {
      throw new AppError('rate_limited', 'Too many gift links today', { retryAfterSeconds: 3600 });
    }
    const token = randomToken();
    const link = await this.deps.gifts.create(
      {
        tokenHash: hashToken(token),
        storyId,
        createdBy: reader.memberId,
        usesLeft: GIFT_USES,
        expiresAt: new Date(now.getTime() + GIFT_TTL_MS),
      },
      now,
    );
    return { token, link, story };
  }

  /** What a gift link is now, for its landing page; `held` when this browser already redeemed it. */
  async open(token: unknown, edition: string, held: readonly string[] = []): Promise<GiftOpening> {
    const link = looksLikeToken(token) ? await this.deps.gifts.findByTokenHash(hashToken(token)) : null;
    if (!link) return { status: 'unknown' };
    const now = this.deps.clock.now();
    const status = giftLinkStatus({ storyId: link.storyId, expiresAt: link.expiresAt, usesRemaining: link.usesLeft }, now);
    const holds = (await this.deps.gifts.redemptions(validTokens(held).map(hashToken), now)).some((r) => r.giftLinkId === link.id);
    return { status, link, story: await this.deps.stories.find(edition, link.storyId, now), held: holds };
  }

  /** Redeems the link for this browser (`held`: it already holds it, or the sharer opened it). */
  async redeem(token: unknown, edition: string, held: readonly string[], memberId: string | null): Promise<GiftRedemption> {
    const opening = await this.open(token, edition, held);
    if (opening.status === 'unknown') return { kind: 'unavailable', status: 'unknown' };
    const { link, story } = opening;
    if (opening.status === 'expired' || !story) return { kind: 'unavailable', status: story ? 'expired' : 'unknown' };
    if (opening.held || memberId === link.createdBy) return { kind: 'held', story };
    const now = this.deps.clock.now();
    if (opening.status === 'exhausted') return { kind: 'unavailable', status: 'exhausted' };
    const redemption = randomToken();
    const until = new Date(Math.min(link.expiresAt.getTime(), now.getTime() + GIFT_REDEMPTION_TTL_MS));
    if (!(await this.deps.gifts.redeem(link.id, hashToken(redemption), now, until))) return { kind: 'unavailable', status: 'exhausted' };
    return { kind: 'redeemed', token: redemption, expiresAt: until, story };
  }

  /**
   * The gift this browser holds for a story, as `decideAccess` takes it, or null. The use was
   * spent at redemption: a decision with reason 'gift' needs nothing recorded.
   */
  async giftFor(held: readonly string[], storyId: string, now: Date): Promise<GiftLink | null> {
    const tokens = validTokens(held);
    if (tokens.length === 0) return null;
    const found = (await this.deps.gifts.redemptions(tokens.map(hashToken), now)).find((r) => r.storyId === storyId);
    return found ? { storyId, expiresAt: found.expiresAt, usesRemaining: 1 } : null;
  }
}

function validTokens(held: readonly string[]): string[] {
  return held.filter(looksLikeToken).slice(0, GIFT_COOKIE_MAX_TOKENS);
}
