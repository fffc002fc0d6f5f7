import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { homePageKeys, listingPageKeys, pageKeys } from '../../../../modules/content/index.js';
import type { Lookup } from '../../../../modules/content/index.js';
import type { Edition } from '../../../../modules/editions/index.js';
import { negotiateLocale } from '../../../../modules/editions/index.js';
import type { PageContext } from '../page-context.js';
import { pageCacheKey } from '../../plugins/front-cache.js';
import { toPage } from '../../plugins/page-cache.js';
import { pathOf } from '../../plugins/request-path.js';
import { carriesReaderIdentity } from '../../plugins/reader-identity.js';
import { PRIVATE_NO_STORE, sendPage } from '../reply-html.js';
import { signedInMember } from '../signed-in-member.js';
import type { SiteDeps } from '../site-deps.js';
import { authorView, homeView, sectionView, topicView, type Rendered } from '../views/listing-views.js';
import { sendErrorPage } from './error-pages.js';
import { editionParam, listingParams, pageQuery } from './site-params.js';
import { registerStoryRoutes } from './story-routes.js';

/** A listing ready to render, with the page keys of what it shows. */
interface Listing {
  render: (ctx: PageContext) => Rendered;
  keys: string[];
}

export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { editions, pages, reader, caching } = deps;
  const { cache } = caching;
  const site = app.withTypeProvider<ZodTypeProvider>();
  const editionHome = { params: z.object({ locale: editionParam(editions) }), querystring: pageQuery };
  const listing = { params: listingParams(editions), querystring: pageQuery };

  app.get('/', async (request, reply) => {
    const locale = negotiateLocale(request.headers['accept-language'], editions.locales, editions.defaultLocale);
    reply.header('vary', 'Accept-Language').header('cache-control', 'no-cache');
    return reply.redirect(`/${locale}/`, 302);
  });

  site.get('/:locale', { schema: { params: editionHome.params } }, async (request, reply) => {
    const { locale: edition } = request.params;
    return reply.redirect(`/${edition.locale}/`, 301);
  });

  /**
   * Serves page `listingPage` (1-based, `?page=`) of a listing of an edition as an HTML page:
   * `pages` (SitePages) wraps the view in the layout, `toPage` makes the page-cache entry.
   * From the page cache when fresh, else computed by `load` and
   * rendered. Only successful pages are cached, keyed by their canonical URL, tagged with the keys
   * of what they show (purged when any changes), and shareable: a listing shows each story's title,
   * dek and image, never its text, so it is the same for every reader whatever the paywall would
   * decide. (Story pages have their own route: story-routes.ts.) The one exception: a signed-in
   * member's page names them in the header, so it is rendered for them alone, never kept, and
   * sent `private, no-store`.
   */
  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    edition: Edition,
    listingPage: number,
    load: (edition: Edition, listingPage: number) => Promise<Lookup<Listing>>,
  ) {
    const path = pathOf(request.url);
    // Only canonical URLs are cached, so the front cache can look pages up by the raw URL.
    const identified = carriesReaderIdentity(request.headers);
    const key = identified ? null : pageCacheKey(request.url);
    const hit = key ? cache.get(key) : undefined;
    if (hit?.shareable) return caching.sendShared(request, reply, hit);
    const ticket = await caching.ticket(edition.locale);
    const result = await load(edition, listingPage);
    if (result.kind === 'redirect') return reply.redirect(result.location, 301);
    if (result.kind === 'not_found') return sendErrorPage(deps, request, reply, 404, edition);
    const member = identified ? await signedInMember(deps, request) : null;
    const ctx = await pages.context(edition, path, request.log, member);
    const html = pages.page(ctx, result.value.render(ctx));
    if (member) return sendPage(request, reply, toPage(html), PRIVATE_NO_STORE, 200, 'Accept-Encoding, Cookie');
    const options = { shareable: true, tags: result.value.keys, ...ticket };
    return caching.sendShared(request, reply, key ? cache.set(key, html, options) : toPage(html, 0, options));
  }

  const found = <T>(lookup: Lookup<T>, view: (value: T) => Listing): Lookup<Listing> =>
    lookup.kind === 'found' ? { kind: 'found', value: view(lookup.value) } : lookup;

  site.get('/:locale/', { schema: editionHome }, (request, reply) =>
    serve(request, reply, request.params.locale, request.query.page, async (edition, listingPage) => {
      const home = await reader.home(edition, listingPage);
      return home
        ? { kind: 'found', value: { render: (ctx) => homeView(ctx, home), keys: homePageKeys(edition.locale, home) } }
        : { kind: 'not_found' };
    }),
  );

  registerStoryRoutes(app, deps);

  site.get('/:locale/topics/:slug', { schema: listing }, (request, reply) =>
    serve(request, reply, request.params.locale, request.query.page, async (edition, listingPage) =>
      found(await reader.topic(edition, request.params.slug, listingPage), (v) => ({
        render: (ctx) => topicView(ctx, v.topic, v.stories),
        keys: listingPageKeys(pageKeys.topic(v.topic.id), v.stories.items),
      })),
    ),
  );

  site.get('/:locale/sections/:slug', { schema: listing }, (request, reply) =>
    serve(request, reply, request.params.locale, request.query.page, async (edition, listingPage) =>
      found(await reader.section(edition, request.params.slug, listingPage), (v) => ({
        render: (ctx) => sectionView(ctx, v.section, v.stories),
        keys: listingPageKeys(pageKeys.section(v.section.id), v.stories.items),
      })),
    ),
  );

  site.get('/:locale/authors/:slug', { schema: listing }, (request, reply) =>
    serve(request, reply, request.params.locale, request.query.page, async (edition, listingPage) =>
      found(await reader.author(edition, request.params.slug, listingPage), (v) => ({
        render: (ctx) => authorView(ctx, v.author, v.stories),
        keys: listingPageKeys(pageKeys.author(v.author.id), v.stories.items),
      })),
    ),
  );
}
