import type { FastifyInstance } from 'fastify';

/** Frames we embed in story bodies (video). Nothing else may be framed or loaded from elsewhere. */
const FRAME_SOURCES = 'https://www.youtube-nocookie.com https://player.vimeo.com';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  `frame-src ${FRAME_SOURCES}`,
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers and the request id on every response, whatever produces it (pages, errors,
 * assets, JSON): set when the request arrives, so no later path can forget them. A callback hook
 * with one precomputed header object keeps this off the hot path's profile.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    done();
  });
}

/** The headers every response carries (the front cache sends the same object). */
export function securityHeaders(options: { https: boolean }): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
  if (options.https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return Object.freeze(headers);
}
