import type { IncomingHttpHeaders } from 'node:http';

/** Every cookie Masthead sets starts with this prefix (sessions, meters, preferences). */
export const COOKIE_PREFIX = 'mh_';
const OWN_COOKIE = new RegExp(`(?:^|;\\s*)${COOKIE_PREFIX}`);

/**
 * Whether a request may depend on who sends it: it carries one of our cookies or credentials.
 * Such a request is never answered from, nor stored in, the shared page cache. Cookies of other
 * sites' scripts do not count, so they cannot turn the cache off.
 */
export function carriesReaderIdentity(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization !== undefined) return true;
  const cookie = headers.cookie;
  return cookie !== undefined && OWN_COOKIE.test(cookie);
}
