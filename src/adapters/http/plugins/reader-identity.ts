import type { IncomingHttpHeaders } from 'node:http';

/** Every cookie Masthead sets starts with this prefix (sessions, meters, preferences). */
export const COOKIE_PREFIX = 'mh_';
/** The anonymous reader's signed meter (src/modules/paywall): a count of stories, not an identity. */
export const METER_COOKIE = `${COOKIE_PREFIX}meter`;
// One of our cookies other than the meter.
const OWN_COOKIE = new RegExp(`(?:^|;\\s*)${COOKIE_PREFIX}(?!meter=)`);

/**
 * Whether a request may depend on who sends it: it carries one of our cookies or credentials.
 * Such a request is never answered from, nor stored in, the shared page cache. Cookies of other
 * sites' scripts do not count, so they cannot turn the cache off. Nor does the meter cookie alone:
 * pages shared through the cache never read it, and the one page that does (a gated story) is
 * decided by the story route for every request (see front-cache.ts), so an anonymous reader who
 * has read a metered story still gets cached listings and public stories.
 */
export function carriesReaderIdentity(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization !== undefined) return true;
  const cookie = headers.cookie;
  return cookie !== undefined && OWN_COOKIE.test(cookie);
}
