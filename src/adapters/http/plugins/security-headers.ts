import type { FastifyInstance } from 'fastify';
import { validateHeaderValue } from 'node:http';

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
  // A header value Node refuses (beyond Latin-1, or control characters) would make it drop every
  // header, these included, and answer a bare 500. A Location is a URL: send it percent-encoded.
  // Anything else is dropped and logged, so the response goes out whole.
  app.addHook('onSend', (request, reply, payload, done) => {
    const all = reply.getHeaders();
    for (const name in all) {
      const value = all[name];
      if (value === undefined) continue;
      if (name === 'location') {
        // Latin-1 passes Node's check but is not how a URL travels: percent-encode as UTF-8.
        if (typeof value === 'string' && !/^[\x21-\x7e]*$/.test(value)) reply.header('location', encodeHeaderUrl(value));
      } else if (!isValidHeaderValue(name, value)) {
        request.log.error({ reqId: request.id, header: name }, 'dropped a header with characters HTTP cannot carry');
        reply.removeHeader(name);
      }
    }
    done(null, payload);
  });
}

function isValidHeaderValue(name: string, value: string | number | readonly string[]): boolean {
  try {
    validateHeaderValue(name, value as string);
    return true;
  } catch {
    return false;
  }
}

/** Percent-encodes (UTF-8) every character a URL in a header cannot hold as it is. */
export function encodeHeaderUrl(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD';
    }
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
