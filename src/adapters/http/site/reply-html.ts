import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../plugins/page-cache.js';

/** Public pages may be kept by browsers and shared caches briefly, then revalidated by ETag. */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const NO_STORE = 'no-store';
/** A gated story for an anonymous reader: theirs alone, and never reused without asking (the meter moves). */
export const PRIVATE_REVALIDATE = 'private, max-age=0';
/** A gated story for a signed-in member: theirs alone, never stored. */
export const PRIVATE_NO_STORE = 'private, no-store';

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
