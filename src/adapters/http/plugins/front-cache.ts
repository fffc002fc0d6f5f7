import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PUBLIC_PAGE_CACHE_CONTROL } from '../site/reply-html.js';
import type { CachedPage, PageCache } from './page-cache.js';
import { carriesReaderIdentity } from './reader-identity.js';

type Headers = Record<string, string | number>;

/**
 * The front of the server: a GET for a page the page cache holds, from a request that carries no
 * reader identity (none of our cookies, no authorization), is answered right here with the same bytes and headers
 * the route would send, without entering the framework. Everything else goes on to Fastify.
 *
 * What makes this safe: the page cache only ever holds pages that are the same for every anonymous
 * reader (site-routes decides), keyed by the exact request URL. A page that depends on the reader
 * (metering, entitlement) must not be put in that cache, or must be keyed by the reader's class and
 * checked here; the paywall work owns that rule.
 */
export function createFrontCache(cache: PageCache, securityHeaders: Readonly<Record<string, string>>) {
  const headersByPage = new WeakMap<CachedPage, { ok: Headers; notModified: Headers }>();
  const headersFor = (page: CachedPage) => {
    let headers = headersByPage.get(page);
    if (!headers) {
      const common = { ...securityHeaders, 'cache-control': PUBLIC_PAGE_CACHE_CONTROL, etag: page.etag, vary: 'Accept-Encoding' };
      headers = {
        ok: { ...common, 'content-type': 'text/html; charset=utf-8', 'content-length': page.body.length },
        notModified: common,
      };
      headersByPage.set(page, headers);
    }
    return headers;
  };

  /** Answers the request and returns true, or returns false to let Fastify handle it. */
  return function answerFromCache(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || carriesReaderIdentity(req.headers)) return false;
    const page = cache.get(req.url ?? '');
    if (!page) return false;
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
