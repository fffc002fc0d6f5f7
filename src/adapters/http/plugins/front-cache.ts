import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sharedPageHeaders } from '../site/reply-html.js';
import type { CachedPage, PageCache } from './page-cache.js';
import type { PageCaching } from './page-caching.js';
import { carriesReaderIdentity } from './reader-identity.js';

type Headers = Record<string, string | number>;

/**
 * The front of the server: a GET for a page the page cache holds, from a request that carries no
 * reader identity (none of our cookies, no authorization), is answered right here with the same bytes and headers
 * the route would send, without entering the framework. Everything else goes on to Fastify.
 *
 * What makes this safe: only entries marked `shareable` are answered here, and the routes mark a
 * page shareable only when it is the same for every reader (listings, public stories). Gated story
 * pages live in the same cache under an access-class key (`accessClassKey`) or as a body-less gate
 * descriptor under their URL; neither is shareable, so they always go through the story route,
 * which asks the paywall for this reader first. The meter cookie (`mh_meter`) alone is not reader
 * identity: shareable pages do not depend on it.
 */
export function createFrontCache(
  caching: Pick<PageCaching, 'cache' | 'policy' | 'now'>,
  securityHeaders: Readonly<Record<string, string>>,
) {
  const cache: PageCache = caching.cache;
  const headersByPage = new WeakMap<CachedPage, { ok: Headers; notModified: Headers }>();
  const build = (page: CachedPage, now: number) => {
    const common = { ...securityHeaders, ...sharedPageHeaders(page, caching.policy, now), etag: page.etag, vary: 'Accept-Encoding' };
    return {
      ok: { ...common, 'content-type': 'text/html; charset=utf-8', 'content-length': page.body.length },
      notModified: common,
    };
  };
  // A page's headers are built once, except in the last `s-maxage` seconds before it stops being
  // true by time (`sharedUntil`), when shared caches are told how long is left, per request.
  const headersFor = (page: CachedPage) => {
    const now = caching.now();
    if (page.sharedUntil !== undefined && page.sharedUntil - now < caching.policy.sharedMaxAge * 1000) return build(page, now);
    let headers = headersByPage.get(page);
    if (!headers) {
      headers = build(page, now);
      headersByPage.set(page, headers);
    }
    return headers;
  };

  /** Answers the request and returns true, or returns false to let Fastify handle it. */
  return function answerFromCache(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || carriesReaderIdentity(req.headers)) return false;
    const page = cache.get(req.url ?? '');
    if (!page || page.shareable !== true) return false;
    const headers = headersFor(page);
    res.setHeader('x-request-id', randomUUID());
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers.notModified);
      res.end();
    } else {
      res.writeHead(200, headers.ok);
      res.end(page.body);
    }
    return true;
  };
}

/** The cache key of a page request: its exact URL when that URL is canonical, else null (not cached). */
export function pageCacheKey(url: string): string | null {
  return /^\/[^?#]*(\?page=[1-9]\d{0,4})?$/.test(url) ? url : null;
}
