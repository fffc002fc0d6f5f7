import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { METER_WINDOW_DAYS } from '../../../../modules/paywall/index.js';
import type { GatedStoryPage, PaywallOffer, Reader, StoryCachePolicy, StoryReading } from '../../../../modules/reading/index.js';
import type { Edition } from '../../../../modules/editions/index.js';
import { serializeCookie } from '../../plugins/cookies.js';
import type { CacheTicket } from '../../plugins/page-caching.js';
import { pageCacheKey } from '../../plugins/front-cache.js';
import { accessClassKey, toPage, type CachedPage } from '../../plugins/page-cache.js';
import { carriesReaderIdentity, METER_COOKIE } from '../../plugins/reader-identity.js';
import { pathOf } from '../../plugins/request-path.js';
import { PRIVATE_NO_STORE, PRIVATE_REVALIDATE, sendPage } from '../reply-html.js';
import type { SiteDeps } from '../site-deps.js';
import { paywallView } from '../views/paywall-view.js';
import { storyMeta, storyPageView } from '../views/story-page-view.js';
import { sendErrorPage } from './error-pages.js';
import { signedInMember } from '../signed-in-member.js';
import type { SignedInMember } from '../page-context.js';
import { pageQuery, storyParams } from './site-params.js';

const METER_MAX_AGE_SECONDS = METER_WINDOW_DAYS * 86_400;

/**
 * The story page, as HTTP: the route turns the request into `readStory(reader, request)`
 * (src/modules/reading: access, the paywall's cut, the meter, the cache policy) and its answer into
 * a status, headers, the meter cookie and the rendered page. It decides nothing itself.
 *
 * What the cache policy means here:
 *  - `shared` (free for everyone): kept under the URL as shareable (the front cache may answer it),
 *    `public` for shared caches only (browsers revalidate), no later than the edition's next
 *    scheduled publication or the archive rule's date;
 *  - `private` (an anonymous reader of a gated story): under the URL a body-less gate, the page
 *    under the URL and the access class (`accessClassKey`); never shareable, sent
 *    `private, max-age=0`, `Vary: Cookie`; the meter is decided and counted on every request;
 *  - `no-store` (a member, a verified search crawler): rendered per request, `private, no-store`.
 *    A page whose header names the signed-in member is `no-store` whatever the story's policy.
 * Only canonical URLs of requests without reader identity (the meter cookie alone is none) use the
 * cache. Every entry of a story is tagged with the story page's keys, so an unpublish, an access
 * change or an edit drops all of them at once.
 */
export function registerStoryRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { editions, pages, caching, paywall, readStory } = deps;
  const { cache } = caching;

  /** The reader behind a request; the crawler verifier is asked only if `readStory` needs to know. */
  const readerOf = (request: FastifyRequest): Reader => ({
    cookies: request.headers.cookie,
    identified: carriesReaderIdentity(request.headers),
    isVerifiedCrawler: () => paywall.crawlers?.isVerified(request.ip, request.headers['user-agent']) ?? Promise.resolve(false),
  });

  async function render(
    request: FastifyRequest,
    edition: Edition,
    page: GatedStoryPage,
    offer: PaywallOffer | null,
    member: SignedInMember | null,
  ): Promise<string> {
    const ctx = await pages.context(edition, pathOf(request.url), request.log, member);
    const box = offer
      ? paywallView(ctx, {
          decision: offer.denial,
          signedIn: offer.signedIn,
          returnPath: ctx.path,
          plans: paywall.plansFor ? await paywall.plansFor(edition.locale) : null,
          config: paywall.config,
        })
      : null;
    return pages.page(ctx, { meta: storyMeta(ctx, page.story, page.paywalled), main: storyPageView(ctx, page, box) });
  }

  /** Keeps the page as its policy allows, under this request's cache key (none: not kept). */
  function keep(key: string | null, html: string, policy: StoryCachePolicy, ticket: CacheTicket): CachedPage {
    if (policy.scope === 'shared') {
      const notAfter = Math.min(ticket.notAfter ?? Infinity, policy.notAfter ?? Infinity);
      // The archive rule's date (policy.notAfter) gates the text: no cache may serve it past then, even stale.
      const options = {
        tags: policy.tags,
        since: ticket.since,
        shareable: true,
        ...(Number.isFinite(notAfter) && { notAfter }),
        ...(policy.notAfter !== undefined && { neverStale: true }),
      };
      return key ? cache.set(key, html, options) : toPage(html, 0, options);
    }
    if (key && policy.scope === 'private' && policy.variant) {
      const options = { tags: policy.tags, ...ticket };
      cache.set(key, '', { ...options, gate: policy.variant.gate });
      return cache.set(accessClassKey(key, policy.variant.accessClass), html, options);
    }
    return toPage(html);
  }

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    page: CachedPage,
    reading: Extract<StoryReading<CachedPage>, { kind: 'page' | 'cached' }>,
  ) {
    if (reading.cache.scope === 'shared') return caching.sendShared(request, reply, page);
    if (reading.meter.kind === 'meter_cookie') {
      reply.header(
        'set-cookie',
        serializeCookie(METER_COOKIE, reading.meter.value, {
          maxAge: METER_MAX_AGE_SECONDS,
          secure: paywall.secureCookies,
          httpOnly: true,
          sameSite: 'Lax',
        }),
      );
    }
    const cacheControl = reading.cache.scope === 'private' ? PRIVATE_REVALIDATE : PRIVATE_NO_STORE;
    return sendPage(request, reply, page, cacheControl, 200, 'Accept-Encoding, Cookie');
  }

  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/:locale/:yyyy/:mm/:slug', { schema: { params: storyParams(editions), querystring: pageQuery } }, async (request, reply) => {
      const { locale: edition, yyyy, mm, slug } = request.params;
      const key = carriesReaderIdentity(request.headers) ? null : pageCacheKey(request.url);
      const hit = key ? cache.get(key) : undefined;
      if (hit?.shareable) return caching.sendShared(request, reply, hit);

      const ticket = await caching.ticket(edition.locale);
      const reading = await readStory(readerOf(request), {
        edition,
        year: yyyy,
        month: mm,
        slug,
        counts: request.method === 'GET',
        cached: key ? { gate: hit?.gate, variant: (accessClass) => cache.get(accessClassKey(key, accessClass)) } : null,
      });
      switch (reading.kind) {
        case 'redirect':
          return reply.redirect(reading.location, 301);
        case 'not_found':
          return sendErrorPage(deps, request, reply, 404, edition);
        case 'cached':
          return send(request, reply, reading.page, reading);
        case 'page': {
          // A page naming the signed-in member in its header is theirs alone, even for a free story.
          const member = key === null && carriesReaderIdentity(request.headers) ? await signedInMember(deps, request) : null;
          const page = member ? { ...reading, cache: { scope: 'no-store' as const } } : reading;
          const html = await render(request, edition, page.page, page.offer, member);
          return send(request, reply, keep(key, html, page.cache, ticket), page);
        }
      }
    });
}
