import { decodeMeterCookie } from '../../../modules/paywall/index.js';
import { parseCookies } from '../plugins/cookies.js';
import { METER_COOKIE } from '../plugins/reader-identity.js';
import type { ReaderResolver } from '../../../modules/paywall/index.js';

/**
 * The reader as far as the site can tell without the members module: anonymous, with the meter
 * decoded from the signed `mh_meter` cookie. A cookie that is present but not one we signed decodes
 * to 'invalid' (over the limit), never to a fresh meter; only an absent cookie is a fresh meter.
 */
export function anonymousReaderResolver(meterSecrets: readonly string[]): ReaderResolver {
  return async (cookieHeader, now) => ({
    reader: { kind: 'anonymous', meter: readMeterCookie(cookieHeader, meterSecrets, now) },
    memberId: null,
  });
}

/**
 * Puts a members resolver in front of the anonymous one: a signed-in member is the members
 * module's to describe; everyone else is anonymous with the meter read here, whatever the members
 * resolver would make of it, so the meter has one reader.
 */
export function withMembers(members: ReaderResolver, anonymous: ReaderResolver): ReaderResolver {
  return async (cookieHeader, now) => {
    const found = await members(cookieHeader, now);
    if (found.reader.kind === 'member') return { reader: found.reader, memberId: found.memberId ?? found.reader.memberId };
    return anonymous(cookieHeader, now);
  };
}

/** Only an absent cookie is a fresh meter: an empty one was not written by us either. */
function readMeterCookie(cookieHeader: string | undefined, secrets: readonly string[], now: Date) {
  const value = parseCookies(cookieHeader).get(METER_COOKIE);
  if (value === undefined) return [];
  return value === '' ? ('invalid' as const) : decodeMeterCookie(value, secrets, now);
}
