import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secrets as every module makes, stores and compares them (staff sessions, API keys, reset and sign-in links, gifts). */

/** A bearer secret: 32 random bytes, base64url (43 characters, cookie- and URL-safe). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * How tokens are stored: SHA-256 hex. Tokens carry 256 bits of randomness, so a fast hash is
 * enough; a database leak does not yield usable sessions, reset links or API keys.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality for strings of any length (compares their digests). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
