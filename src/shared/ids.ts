import { randomBytes } from 'node:crypto';

/**
 * Time-sortable identifiers (48-bit millisecond timestamp + 80 random bits, Crockford base32, 26
 * characters, ULID layout). Text ids work the same on SQLite and PostgreSQL, can be made by any
 * process without a round trip, and sort by creation time.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[(bytes[i] as number) % 32];
  return (time + rand).toLowerCase();
}
