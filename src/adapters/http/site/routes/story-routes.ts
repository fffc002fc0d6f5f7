import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { storyPageKeys } from '../../../../modules/content/page-keys.js';
import type { StoryPage } from '../../../../modules/content/reader-service.js';
import {
  archivesAfter,
  decideAccess,
  encodeMeterCookie,
  gateDocument,
  recordRead,
  METER_WINDOW_DAYS,
  type AccessDecision,
  type ReaderState,
  type StoryAccessInfo,
} from '../../../../modules/paywall/index.js';
import { serializeCookie } from '../../admin-api/cookies.js';
import { pageCacheKey } from '../../plugins/front-cache.js';
import { accessClassKey, toPage, type CachedPage } from '../../plugins/page-cache.js';
import { carriesReaderIdentity, METER_COOKIE } from '../../plugins/reader-identity.js';
import { PRIVATE_NO_STORE, PRIVATE_REVALIDATE, sendPage } from '../reply-html.js';
import type { SiteDeps } from '../site-deps.js';
import { paywallView, type Denial } from '../views/paywall-view.js';
import { storyMeta, storyPageView } from '../views/story-page-view.js';
import { sendErrorPage } from './error-pages.js';
import { pageNumber } from './page-number.js';

interface ReaderAccess {
  reader: ReaderState;
  memberId: string | null;
  decision: AccessDecision;
  /** Only a reader who is neither a member nor a gift's recipient nor a verified crawler shares cached pages with others. */
  shared: boolean;
  /** A search crawler verified by DNS (crawler access on): the whole story, never cached, never metered. */
  crawler: boolean;
}

const METER_MAX_AGE_SECONDS = METER_WINDOW_DAYS * 86_400;
const FALLBACK_DENIAL: Denial = { granted: false, reason: 'subscription_required', offer: 'subscribe' };

/** The cache variant of a gated page an anonymous reader gets: everything, or the preview with this reason's message. */
const accessClass = (decision: AccessDecision) => (decision.granted ? 'full' : `preview:${decision.reason}`);

/**
 * The story page: the content module loads the story, the paywall decides for this reader, and the
 * view renders only the blocks `gateDocument` returned, with the paywall box when denied.
 *
 * Caching, by what the page depends on:
 *  - free for everyone (public, not archived): one shareable page per URL, `public` caching for
 *    shared caches only (browsers revalidate), the front cache may answer it;
 *  - gated, anonymous reader: under the URL, a body-less descriptor (what the paywall needs); the
 *    page itself under the URL and the access class (`accessClassKey`): never shareable, sent
 *    `private, max-age=0`, `Vary: Cookie`; the meter is still decided and counted on every request;
 *  - gated, signed-in member: rendered for them, `private, no-store`, never cached;
 *  - gated, verified search crawler (only with `crawlerAccess` on; DNS-verified, see
 *    crawler-verification.ts): rendered per request, `private, no-store`, never read from nor stored
 *    in the cache, no meter cookie. With crawler access off the verifier is never asked.
 * Every cached entry of a story (shared page, gate descriptor, access-class pages) is tagged with
 * the story page's keys, so an unpublish, an access change or an edit drops all of them at once.
 * A read is counted (meter cookie, or the member's monthly meter) on GET only, never on HEAD.
 */
export function registerStoryRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { editions, pages, reader, caching, paywall } = deps;
  const { cache } = caching;

  /**
   * Whether this request is a verified search crawler, asked at most once per request and only for
   * a gated story, with crawler access on, from a request without reader identity.
   */
  function crawlerCheck(request: FastifyRequest): () => Promise<boolean> {
    let answer: Promise<boolean> | undefined;
    return () => {
      const verifier = paywall.config.crawlerAccess.enabled ? paywall.crawlers : undefined;
      if (!verifier || carriesReaderIdentity(request.headers)) return Promise.resolve(false);
      answer ??= verifier.isVerified(request.ip, request.headers['user-agent']);
      return answer;
    };
  }

  async function readerAccess(request: FastifyRequest, story: StoryAccessInfo, now: Date, crawler: boolean): Promise<ReaderAccess> {
    const cookie = request.headers.cookie;
    const [found, gift] = await Promise.all([
      paywall.resolveReader(cookie, now),
      paywall.giftFor ? paywall.giftFor(cookie, story.storyId, now) : null,
    ]);
    const memberId = found.memberId ?? (found.reader.kind === 'member' ? found.reader.memberId : null);
    const decision = decideAccess({ story, reader: found.reader, gift, now, config: paywall.config, verifiedCrawler: crawler });
    return { reader: found.reader, memberId, decision, shared: !crawler && memberId === null && gift === null, crawler };
  }

  /** Records the read when the decision says so: in the member's monthly meter, or in the signed cookie. */
  async function countRead(request: FastifyRequest, reply: FastifyReply, access: ReaderAccess, storyId: string, now: Date) {
    const { decision, reader, memberId } = access;
    if (request.method !== 'GET' || access.crawler || !decision.granted || !decision.countRead) return;
    if (memberId !== null) {
      await paywall.recordMemberRead(memberId, storyId, now);
      return;
    }
    // Never for an 'invalid' meter: overwriting it would turn tampering into a fresh meter.
    if (reader.kind !== 'anonymous' || reader.meter === 'invalid') return;
    const secret = paywall.meterSecrets[0];
    if (secret === undefined) throw new Error('No meter secret configured');
    const value = encodeMeterCookie(recordRead(reader.meter, storyId, now), secret, now);
    reply.header(
      'set-cookie',
      serializeCookie(METER_COOKIE, value, { maxAge: METER_MAX_AGE_SECONDS, secure: paywall.secureCookies, httpOnly: true, sameSite: 'Lax' }),
    );
  }

  async function sendGated(request: FastifyRequest, reply: FastifyReply, page: CachedPage, access: ReaderAccess, storyId: string, now: Date) {
    await countRead(request, reply, access, storyId, now);
    const cacheControl = access.memberId === null && !access.crawler ? PRIVATE_REVALIDATE : PRIVATE_NO_STORE;
    return sendPage(request, reply, page, cacheControl, 200, 'Accept-Encoding, Cookie');
  }

  app.get<{ Params: Record<string, string> }>('/:locale/:yyyy/:mm/:slug', async (request, reply) => {
    const { locale, yyyy, mm, slug } = request.params as Record<'locale' | 'yyyy' | 'mm' | 'slug', string>;
    if (!/^\d{4}$/.test(yyyy) || !/^(0[1-9]|1[0-2])$/.test(mm)) return sendErrorPage(deps, request, reply, 404);
    const edition = editions.get(locale);
    if (!edition) return sendErrorPage(deps, request, reply, 404);
    if (pageNumber(request) === null) return sendErrorPage(deps, request, reply, 400);
    const now = paywall.clock.now();

    // Only canonical URLs of requests without reader identity (the meter cookie alone is none) are cached.
    const key = carriesReaderIdentity(request.headers) ? null : pageCacheKey(request.url);
    const hit = key ? cache.get(key) : undefined;
    if (hit?.shareable) return caching.sendShared(request, reply, hit);
    const verifiedCrawler = crawlerCheck(request);
    if (key && hit?.gate && !(await verifiedCrawler())) {
      const access = await readerAccess(request, hit.gate, now, false);
      const page = access.shared ? cache.get(accessClassKey(key, accessClass(access.decision))) : undefined;
      if (page) return sendGated(request, reply, page, access, hit.gate.storyId, now);
    }

    const ticket = await caching.ticket(edition.locale);
    const lookup = await reader.story(edition, yyyy, mm, slug);
    if (lookup.kind === 'redirect') return reply.redirect(lookup.location, 301);
    if (lookup.kind === 'not_found') return sendErrorPage(deps, request, reply, 404, edition);
    const { story } = lookup.value;
    const info: StoryAccessInfo = { storyId: story.storyId, accessLevel: story.accessLevel, publishedAt: story.publishedAt };
    const ctx = await pages.context(edition, request.url.split('?')[0] as string);
    const cacheOptions = { tags: storyPageKeys(lookup.value), ...ticket };

    // Free for everyone when even a reader with nothing gets it for being public (not archived):
    // every other reader then gets the same whole story, so the page can be shared.
    const anyone = decideAccess({ story: info, reader: { kind: 'anonymous', meter: [] }, now, config: paywall.config });
    if (anyone.granted && anyone.reason === 'public') {
      const html = pages.page(ctx, { meta: storyMeta(ctx, story), main: storyPageView(ctx, lookup.value) });
      // Free until the archive rule takes it (if on): no cache keeps the free page beyond that.
      const archived = archivesAfter(info, paywall.config)?.getTime();
      const notAfter = Math.min(cacheOptions.notAfter ?? Infinity, archived ?? Infinity);
      const options = { ...cacheOptions, shareable: true, ...(Number.isFinite(notAfter) && { notAfter }), ...(archived !== undefined && { neverStale: true }) };
      return caching.sendShared(request, reply, key ? cache.set(key, html, options) : toPage(html, 0, options));
    }

    const access = await readerAccess(request, info, now, await verifiedCrawler());
    // From here on only the blocks the decision allows exist: the stored body goes no further.
    const { blocks, gated } = gateDocument(story.body, access.decision);
    const shown: StoryPage = { ...lookup.value, story: { ...story, body: { type: 'doc', content: blocks } } };
    const box = gated
      ? paywallView(ctx, {
          decision: access.decision.granted === false ? access.decision : FALLBACK_DENIAL,
          signedIn: access.memberId !== null,
          returnPath: ctx.path,
          plans: paywall.plansFor ? await paywall.plansFor(edition.locale) : null,
          config: paywall.config,
        })
      : null;
    const html = pages.page(ctx, { meta: storyMeta(ctx, shown.story, true), main: storyPageView(ctx, shown, { paywalled: true, box }) });
    let page: CachedPage;
    if (key && access.shared) {
      cache.set(key, '', { ...cacheOptions, gate: info });
      page = cache.set(accessClassKey(key, accessClass(access.decision)), html, cacheOptions);
    } else {
      page = toPage(html);
    }
    return sendGated(request, reply, page, access, info.storyId, now);
  });
}
