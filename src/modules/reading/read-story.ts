import type { Clock } from '../../shared/clock.js';
import { storyPageKeys, type ReaderService, type StoryPage, type StoryView } from '../content/index.js';
import type { Edition } from '../editions/index.js';
import {
  archivesAfter,
  decideAccess,
  encodeMeterCookie,
  freeReadsLeft,
  gateDocument,
  openToEveryone,
  recordRead,
  type AccessDecision,
  type GatedDocument,
  type MembersForPaywall,
  type PaywallConfig,
  type ReaderState,
  type StoryAccessInfo,
} from '../paywall/index.js';

/**
 * What reading a story needs from the paywall's side: the members port (who reads, their monthly
 * meter, redeemed gifts: `MembersForPaywall`, declared by the paywall), the rules and the meter
 * cookie's secrets.
 */
export interface StoryPaywall extends Pick<MembersForPaywall, 'resolveReader' | 'recordMemberRead' | 'giftFor'> {
  config: PaywallConfig;
  clock: Clock;
  /** HMAC secrets of the anonymous meter cookie, the current one first (the rest are still accepted). */
  meterSecrets: readonly string[];
}

export interface ReadStoryDeps {
  stories: Pick<ReaderService, 'story'>;
  paywall: StoryPaywall;
}

/** The reader behind a request, as the HTTP edge knows them. */
export interface Reader {
  /** The request's Cookie header: the signed-in member, the meter, redeemed gifts. */
  cookies: string | undefined;
  /** The request carries reader identity (our cookies other than the meter, or credentials). */
  identified: boolean;
  /**
   * Whether the request comes from a search crawler, verified by its address (reverse then forward
   * DNS), never by its user agent. Asked at most once, only for a gated story, only while crawler
   * access is on, and never for an identified request.
   */
  isVerifiedCrawler(): Promise<boolean>;
}

/** One story URL: `/:locale/:yyyy/:mm/:slug`. */
export interface StoryRequest<P> {
  edition: Edition;
  year: string;
  month: string;
  slug: string;
  /** A GET: a metered read is counted. A HEAD never counts. */
  counts: boolean;
  /** What the server's page cache keeps for this URL, when this request may use it (no reader identity, a canonical URL). */
  cached: CachedStory<P> | null;
}

/** A gated story's entries in the page cache (pages of type P, the cache's business). */
export interface CachedStory<P> {
  /** The gate kept under the URL of a gated story: what the decision needs, no body. */
  gate: StoryAccessInfo | undefined;
  /** The page kept for one access class (see `accessClass`). */
  variant(accessClass: string): P | undefined;
}

/** The story as this reader may see it: its body is the paywall's cut, never the stored document. */
export type ShownStory = Omit<StoryView, 'body'> & { body: GatedDocument };

/**
 * A story page after the paywall: only `gateDocument`/`openToEveryone` make its body, so nothing
 * downstream (views, caches) can put back blocks the decision withheld.
 */
export interface GatedStoryPage extends Omit<StoryPage, 'story'> {
  story: ShownStory;
  /** Not free for everyone: its head says so to search engines and its body carries the gated class. */
  paywalled: boolean;
  /**
   * Metered stories this reader may still read free once this read is counted (`freeReadsLeft`),
   * shown above the story; null when no meter applies. Part of the access class of a kept page.
   */
  freeLeft: number | null;
}

export type Denial = Extract<AccessDecision, { granted: false }>;

/** What the paywall box offers a reader who was denied. */
export interface PaywallOffer {
  denial: Denial;
  /** A signed-in member is not offered to sign in. */
  signedIn: boolean;
}

/**
 * How the page may be kept and sent.
 *  - `shared`: the same for every reader (free for everyone): kept under its URL, answered by the
 *    front cache, `public` for shared caches; no cache keeps it after `notAfter` (ms), when the
 *    archive rule takes the story.
 *  - `private`: an anonymous reader's access class of a gated story: kept (when `variant`) under
 *    the URL's gate and the access class, never shareable, sent `private, max-age=0`, `Vary: Cookie`.
 *  - `no-store`: this reader's alone (a member, a verified crawler): never kept, `private, no-store`.
 */
export type StoryCachePolicy =
  | { scope: 'shared'; tags: string[]; notAfter?: number }
  | { scope: 'private'; tags: string[]; variant: { gate: StoryAccessInfo; accessClass: string } | null }
  | { scope: 'no-store' };

/** What counting this read did: nothing, a row in the member's monthly meter, or a new meter cookie to send. */
export type MeterEffect = { kind: 'none' } | { kind: 'member_read_recorded' } | { kind: 'meter_cookie'; value: string };

export type StoryReading<P> =
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' }
  /** This reader's access class of a gated story, as the page cache keeps it. */
  | { kind: 'cached'; page: P; cache: { scope: 'private' }; meter: MeterEffect }
  | { kind: 'page'; page: GatedStoryPage; offer: PaywallOffer | null; cache: StoryCachePolicy; meter: MeterEffect };

export type ReadStory = <P>(reader: Reader, request: StoryRequest<P>) => Promise<StoryReading<P>>;

/**
 * The cache variant of a gated page an anonymous reader gets: everything, or the preview with this
 * reason's message; a metered grant also shows how many free stories are left, so that count is
 * part of the class (`full:left-2`): readers with different counts never share a page.
 */
export const accessClass = (decision: AccessDecision, freeLeft: number | null = null) =>
  decision.granted ? (freeLeft === null ? 'full' : `full:left-${freeLeft}`) : `preview:${decision.reason}`;

interface ReaderAccess {
  story: StoryAccessInfo;
  reader: ReaderState;
  memberId: string | null;
  decision: AccessDecision;
  /** Free metered stories left after this read (`freeReadsLeft`), or null. */
  freeLeft: number | null;
  /** Neither a member nor a gift's recipient nor a verified crawler: shares cached pages with other such readers. */
  shared: boolean;
  /** A search crawler verified by DNS (crawler access on): the whole story, never cached, never metered. */
  crawler: boolean;
}

const NO_METER: MeterEffect = { kind: 'none' };
const FALLBACK_DENIAL: Denial = { granted: false, reason: 'subscription_required', offer: 'subscribe' };

/**
 * Reading a story page: the content module finds the story, the paywall decides for this reader
 * (once), the body is cut to what the decision allows, the read is counted, and the page comes
 * with how it may be cached. The HTTP route only translates: params in, headers, cookie and body out.
 *
 *  - Free for everyone (public, not archived): no reader is decided for; one `shared` page.
 *  - Gated: the reader is resolved (member, meter cookie, redeemed gift, verified crawler) and
 *    `decideAccess` runs once. An anonymous reader's page is kept per access class; when the cache
 *    holds the gate and this class's page, the story is not even loaded. (Should the loaded story
 *    differ from the cached gate, a change not yet applied here, the decision is made again on what
 *    was loaded: the one case with a second decision.)
 *  - The read is counted only on GET, only when the decision says `countRead`: in the member's
 *    monthly meter here, or as a new meter cookie for the route to send (never over an `'invalid'`
 *    one, which would turn tampering into a fresh meter).
 */
export function createReadStory(deps: ReadStoryDeps): ReadStory {
  const { stories, paywall } = deps;
  const { config } = paywall;

  /** Whether this request is a verified crawler: asked at most once, only with crawler access on and no reader identity. */
  function crawlerCheck(reader: Reader): () => Promise<boolean> {
    let answer: Promise<boolean> | undefined;
    return () => {
      if (!config.crawlerAccess.enabled || reader.identified) return Promise.resolve(false);
      answer ??= reader.isVerifiedCrawler();
      return answer;
    };
  }

  async function decide(reader: Reader, story: StoryAccessInfo, now: Date, crawler: boolean): Promise<ReaderAccess> {
    const [found, gift] = await Promise.all([
      paywall.resolveReader(reader.cookies, now),
      paywall.giftFor ? paywall.giftFor(reader.cookies, story.storyId, now) : null,
    ]);
    const memberId = found.memberId ?? (found.reader.kind === 'member' ? found.reader.memberId : null);
    const decision = decideAccess({ story, reader: found.reader, gift, now, config, verifiedCrawler: crawler });
    const freeLeft = freeReadsLeft(found.reader, decision, now, config);
    return { story, reader: found.reader, memberId, decision, freeLeft, shared: !crawler && memberId === null && gift === null, crawler };
  }

  /** Records the read when the decision says so: in the member's monthly meter, or in a new meter cookie. */
  async function count(access: ReaderAccess, counts: boolean, now: Date): Promise<MeterEffect> {
    const { decision, reader, memberId, story } = access;
    if (!counts || access.crawler || !decision.granted || !decision.countRead) return NO_METER;
    if (memberId !== null) {
      await paywall.recordMemberRead(memberId, story.storyId, now);
      return { kind: 'member_read_recorded' };
    }
    if (reader.kind !== 'anonymous' || reader.meter === 'invalid') return NO_METER;
    const secret = paywall.meterSecrets[0];
    if (secret === undefined) throw new Error('No meter secret configured');
    return { kind: 'meter_cookie', value: encodeMeterCookie(recordRead(reader.meter, story.storyId, now), secret, now) };
  }

  return async function readStory<P>(reader: Reader, request: StoryRequest<P>): Promise<StoryReading<P>> {
    const now = paywall.clock.now();
    const isCrawler = crawlerCheck(reader);

    let decided: ReaderAccess | null = null;
    const gate = request.cached?.gate;
    if (request.cached && gate && !(await isCrawler())) {
      decided = await decide(reader, gate, now, false);
      const page = decided.shared ? request.cached.variant(accessClass(decided.decision, decided.freeLeft)) : undefined;
      if (page !== undefined)
        return { kind: 'cached', page, cache: { scope: 'private' }, meter: await count(decided, request.counts, now) };
    }

    const lookup = await stories.story(request.edition, request.year, request.month, request.slug);
    if (lookup.kind !== 'found') return lookup;
    const { story, ...rest } = lookup.value;
    const info: StoryAccessInfo = { storyId: story.storyId, accessLevel: story.accessLevel, publishedAt: story.publishedAt };
    const tags = storyPageKeys(lookup.value);

    // Free for everyone: every reader would get the same whole story, so the page is shared.
    const open = openToEveryone(story.body, info, now, config);
    if (open) {
      const archived = archivesAfter(info, config);
      return {
        kind: 'page',
        page: { ...rest, story: { ...story, body: open }, paywalled: false, freeLeft: null },
        offer: null,
        cache: { scope: 'shared', tags, ...(archived && { notAfter: archived.getTime() }) },
        meter: NO_METER,
      };
    }

    const access = decided && sameGate(decided.story, info) ? decided : await decide(reader, info, now, await isCrawler());
    // From here on only the blocks the decision allows exist: the stored body goes no further.
    const body = gateDocument(story.body, access.decision);
    const offer = body.gated
      ? { denial: access.decision.granted === false ? access.decision : FALLBACK_DENIAL, signedIn: access.memberId !== null }
      : null;
    const cache: StoryCachePolicy =
      access.memberId === null && !access.crawler
        ? {
            scope: 'private',
            tags,
            variant: access.shared ? { gate: info, accessClass: accessClass(access.decision, access.freeLeft) } : null,
          }
        : { scope: 'no-store' };
    return {
      kind: 'page',
      page: { ...rest, story: { ...story, body }, paywalled: true, freeLeft: access.freeLeft },
      offer,
      cache,
      meter: await count(access, request.counts, now),
    };
  };
}

function sameGate(a: StoryAccessInfo, b: StoryAccessInfo): boolean {
  return a.storyId === b.storyId && a.accessLevel === b.accessLevel && a.publishedAt?.getTime() === b.publishedAt?.getTime();
}
