/**
 * The anonymous meter's cookie: `v1.<base64url JSON>.<base64url HMAC-SHA256>`, set HttpOnly by the
 * server. The only file in this module that uses crypto. The JSON is `[[storyId, firstReadSeconds], …]`.
 *
 * A cookie that is present but not exactly one we signed (edited, truncated, re-encoded, signed with
 * another key, wrong version, bad JSON, bad shape, oversized) decodes to `'invalid'`, which the
 * decision treats as over the limit, never as a fresh meter. Only an absent cookie is a fresh meter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type AnonymousMeter, type MeterEntry } from './access-types.js';
import { activeMeterEntries, capEntries } from './meter.js';

export const METER_COOKIE_VERSION = 'v1';
/** Longest cookie value accepted; anything longer was not written by us. */
export const METER_COOKIE_MAX_LENGTH = 4096;
/** Shortest secret accepted (characters); rotate by listing the new secret first. */
export const METER_SECRET_MIN_LENGTH = 32;

const MAX_STORY_ID_LENGTH = 64;
const BASE64URL = /^[A-Za-z0-9_-]+$/u;

/**
 * Signs the meter with `secret`. Expired entries are dropped and at most `METER_MAX_ENTRIES` kept,
 * so the cookie stays small. Story ids longer than 64 characters are refused (they cannot come
 * from our id scheme).
 */
export function encodeMeterCookie(entries: readonly MeterEntry[], secret: string, now: Date): string {
  assertSecret(secret);
  const kept = capEntries(activeMeterEntries(entries, now));
  const rows = kept.map((e) => {
    if (e.storyId.length === 0 || e.storyId.length > MAX_STORY_ID_LENGTH) {
      throw new RangeError('encodeMeterCookie: story id must be 1-64 characters');
    }
    const seconds = Math.floor(e.firstReadAt.getTime() / 1000);
    if (!Number.isSafeInteger(seconds)) throw new RangeError('encodeMeterCookie: invalid firstReadAt');
    return [e.storyId, seconds] as const;
  });
  const body = `${METER_COOKIE_VERSION}.${Buffer.from(JSON.stringify(rows), 'utf8').toString('base64url')}`;
  return `${body}.${sign(body, secret)}`;
}

/**
 * Reads the meter cookie. `undefined`/empty → `[]` (no cookie yet). Any other value that does not
 * verify against one of `secrets` (the first is current, the rest are being rotated out) →
 * `'invalid'`. Entries 30 days old or more are dropped; at most `METER_MAX_ENTRIES` are kept.
 */
export function decodeMeterCookie(value: string | undefined | null, secrets: string | readonly string[], now: Date): AnonymousMeter {
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  if (keys.length === 0) throw new RangeError('decodeMeterCookie: at least one secret is required');
  keys.forEach(assertSecret);
  if (value === undefined || value === null || value === '') return [];
  if (value.length > METER_COOKIE_MAX_LENGTH) return 'invalid';

  const parts = value.split('.');
  if (parts.length !== 3) return 'invalid';
  const [version, payload, signature] = parts as [string, string, string];
  if (version !== METER_COOKIE_VERSION || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return 'invalid';
  const body = `${version}.${payload}`;
  // Compare against every key without stopping early, so timing does not reveal which one matched.
  let verified = false;
  for (const key of keys) verified = constantTimeEqual(sign(body, key), signature) || verified;
  if (!verified) return 'invalid';

  const entries = parseEntries(payload);
  if (entries === null) return 'invalid';
  return capEntries(activeMeterEntries(entries, now));
}

function parseEntries(payload: string): MeterEntry[] | null {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const entries: MeterEntry[] = [];
  for (const row of data) {
    if (!Array.isArray(row) || row.length !== 2) return null;
    const [storyId, seconds] = row as unknown[];
    if (typeof storyId !== 'string' || storyId.length === 0 || storyId.length > MAX_STORY_ID_LENGTH) return null;
    if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) return null;
    entries.push({ storyId, firstReadAt: new Date(seconds * 1000) });
  }
  return entries;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64url');
}

/** Compares the canonical signature text, so a re-encoded signature that decodes to the same bytes still fails. */
function constantTimeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

function assertSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < METER_SECRET_MIN_LENGTH) {
    throw new RangeError(`meter cookie secret must be at least ${METER_SECRET_MIN_LENGTH} characters`);
  }
}
