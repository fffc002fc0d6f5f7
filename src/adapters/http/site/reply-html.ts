import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../plugins/page-cache.js';

/** How long shared caches (a CDN, nginx) may keep a page that is the same for everyone. */
export interface SharedCachePolicy {
  /** `s-maxage`: seconds a shared cache keeps the page before revalidating it by ETag. */
  sharedMaxAge: number;
  /** `stale-while-revalidate`: seconds it may answer the old page while it revalidates (0: never). */
  staleWhileRevalidate: number;
}

/**
 * `Cache-Control` for pages that are the same for everyone. Browsers keep nothing without asking
 * (`max-age=0, must-revalidate`: each visit revalidates by ETag, a 304 when unchanged), so an
 * unpublished or corrected story is never shown from a browser's cache; shared caches keep the page
 * for `s-maxage` and are purged by key (Surrogate-Key, Cache-Tag) when it changes.
 */
export function sharedCacheControl(policy: SharedCachePolicy, sharedMaxAge = policy.sharedMaxAge, mayGoStale = true): string {
  const swr =
    mayGoStale && policy.staleWhileRevalidate > 0 && sharedMaxAge > 0 ? `, stale-while-revalidate=${policy.staleWhileRevalidate}` : '';
  return `public, max-age=0, must-revalidate, s-maxage=${sharedMaxAge}${swr}`;
}

export const NO_STORE = 'no-store';
/** A gated story for an anonymous reader: theirs alone, and never reused without asking (the meter moves). */
export const PRIVATE_REVALIDATE = 'private, max-age=0';
/** A gated story for a signed-in member: theirs alone, never stored. */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * The caching headers of a shareable page: `Cache-Control`, and its keys for CDN purges in the two
 * common spellings (`Surrogate-Key`, space-separated: Fastly, Varnish; `Cache-Tag`, comma-separated:
 * Cloudflare, Akamai). The front cache sends exactly these too.
 */
export function sharedPageHeaders(page: CachedPage, policy: SharedCachePolicy, now: number): Record<string, string> {
  const left = page.sharedUntil === undefined ? policy.sharedMaxAge : Math.max(0, Math.floor((page.sharedUntil - now) / 1000));
  // A free story the archive rule will gate is never served stale: stale-while-revalidate would
  // outlive that moment. (A listing before an embargo lifts may: it only shows the story late.)
  const headers: Record<string, string> = {
    'cache-control': sharedCacheControl(policy, Math.min(policy.sharedMaxAge, left), page.neverStale !== true),
  };
  if (page.tags.length > 0) {
    headers['surrogate-key'] = page.tags.join(' ');
    headers['cache-tag'] = page.tags.join(',');
  }
  return headers;
}

/** Sends a page that is the same for everyone, with its keys. */
export function sendSharedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, policy: SharedCachePolicy, now: number) {
  const headers = sharedPageHeaders(page, policy, now);
  for (const [name, value] of Object.entries(headers)) if (name !== 'cache-control') reply.header(name, value);
  return sendPage(request, reply, page, headers['cache-control'] as string);
}

/** Sends an HTML page with its ETag, answering 304 when the client already holds it. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  cacheControl: string,
  status = 200,
  vary = 'Accept-Encoding',
) {
  reply.header('cache-control', cacheControl);
  reply.header('etag', page.etag);
  reply.header('vary', vary);
  if (status === 200 && request.headers['if-none-match'] === page.etag) {
    return reply.code(304).send();
  }
  return reply.code(status).type('text/html; charset=utf-8').send(page.body);
}
