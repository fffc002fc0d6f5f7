import { randomBytes } from 'node:crypto';

/** Hashing and comparison are the staff module's: one rule for every secret we store. */
export { hashToken, safeEqual } from '../newsroom/staff/index.js';

/** A bearer secret: 32 random bytes, base64url (43 characters, cookie- and URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a value could be one of our tokens (so junk never reaches the database). */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{43}$/.test(value);
}
