import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { METER_MAX_ENTRIES, type MeterEntry } from './access-types.js';
import { decodeMeterCookie, encodeMeterCookie, METER_COOKIE_MAX_LENGTH } from './meter-cookie.js';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const OTHER = 'another-secret-0123456789-abcdefghijklm';
const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);
const ULID = '01jpcz3m8x4k2v7n9q5r6t8w0y';

const sample: MeterEntry[] = [
  { storyId: ULID, firstReadAt: daysAgo(3) },
  { storyId: 'story-b', firstReadAt: daysAgo(1) },
];

/** Replaces the character at `i` with a different base64url character. */
function flip(value: string, i: number): string {
  const c = value[i] === 'A' ? 'B' : 'A';
  return value.slice(0, i) + c + value.slice(i + 1);
}

/** Builds a correctly signed cookie around an arbitrary payload, to test what is done after the signature checks out. */
function signedWith(json: string, version = 'v1', secret = SECRET): string {
  const body = `${version}.${Buffer.from(json, 'utf8').toString('base64url')}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('meter cookie', () => {
  it('round-trips the meter', () => {
    const cookie = encodeMeterCookie(sample, SECRET, NOW);
    expect(cookie).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/u);
    expect(decodeMeterCookie(cookie, SECRET, NOW)).toEqual(sample);
  });

  it('keeps whole seconds only', () => {
    const cookie = encodeMeterCookie([{ storyId: 'a', firstReadAt: new Date(NOW.getTime() - 1500) }], SECRET, NOW);
    expect(decodeMeterCookie(cookie, SECRET, NOW)).toEqual([{ storyId: 'a', firstReadAt: new Date(NOW.getTime() - 2000) }]);
  });

  it('reads an absent cookie as a fresh meter', () => {
    expect(decodeMeterCookie(undefined, SECRET, NOW)).toEqual([]);
    expect(decodeMeterCookie(null, SECRET, NOW)).toEqual([]);
    expect(decodeMeterCookie('', SECRET, NOW)).toEqual([]);
  });

  it('an empty meter round-trips and is still signed', () => {
    const cookie = encodeMeterCookie([], SECRET, NOW);
    expect(decodeMeterCookie(cookie, SECRET, NOW)).toEqual([]);
    expect(decodeMeterCookie(flip(cookie, cookie.length - 1), SECRET, NOW)).toBe('invalid');
  });

  it('any single changed character of the payload or the signature makes it invalid', () => {
    const cookie = encodeMeterCookie(sample, SECRET, NOW);
    const [version = '', payload = ''] = cookie.split('.');
    const payloadStart = version.length + 1;
    const sigStart = payloadStart + payload.length + 1;
    for (let i = payloadStart; i < cookie.length; i++) {
      if (i === sigStart - 1) continue; // the separator
      expect(decodeMeterCookie(flip(cookie, i), SECRET, NOW), `position ${i}`).toBe('invalid');
    }
  });

  it('a cookie with fewer reads edited in (drop an entry, keep the signature) is invalid', () => {
    const cookie = encodeMeterCookie(sample, SECRET, NOW);
    const [, , sig] = cookie.split('.');
    const fewer = Buffer.from(JSON.stringify([[ULID, Math.floor(daysAgo(3).getTime() / 1000)]])).toString('base64url');
    expect(decodeMeterCookie(`v1.${fewer}.${sig}`, SECRET, NOW)).toBe('invalid');
  });

  it('a cookie signed with another secret is invalid', () => {
    expect(decodeMeterCookie(encodeMeterCookie(sample, OTHER, NOW), SECRET, NOW)).toBe('invalid');
  });

  it('accepts a cookie signed with a secret being rotated out', () => {
    const cookie = encodeMeterCookie(sample, OTHER, NOW);
    expect(decodeMeterCookie(cookie, [SECRET, OTHER], NOW)).toEqual(sample);
  });

  it.each([
    ['unsigned', 'v1.W10'],
    ['no payload', 'v1..abc'],
    ['extra part', `${'x'}.${'y'}.${'z'}.w`],
    ['garbage', 'hello'],
    ['non-base64url characters', 'v1.W10=.abc'],
    ['a fresh-looking value', 'v1.W10.'],
  ])('%s → invalid', (_label, value) => {
    expect(decodeMeterCookie(value, SECRET, NOW)).toBe('invalid');
  });

  it('a wrong version is invalid even when correctly signed', () => {
    expect(decodeMeterCookie(signedWith('[]', 'v2'), SECRET, NOW)).toBe('invalid');
    expect(decodeMeterCookie(signedWith('[]', 'v1'), SECRET, NOW)).toEqual([]);
  });

  it.each([
    ['bad JSON', '[[oops'],
    ['an object', '{"a":1}'],
    ['a row that is not a pair', '[["a"]]'],
    ['a non-string story id', '[[1,1700000000]]'],
    ['an empty story id', '[["",1700000000]]'],
    ['an overlong story id', `[["${'x'.repeat(65)}",1700000000]]`],
    ['a fractional time', '[["a",1.5]]'],
    ['a negative time', '[["a",-1]]'],
    ['a string time', '[["a","1700000000"]]'],
  ])('correctly signed but %s → invalid', (_label, json) => {
    expect(decodeMeterCookie(signedWith(json), SECRET, NOW)).toBe('invalid');
  });

  it('an oversized value is invalid without being parsed', () => {
    expect(decodeMeterCookie(`v1.${'A'.repeat(METER_COOKIE_MAX_LENGTH)}.x`, SECRET, NOW)).toBe('invalid');
  });

  it('drops entries 30 days old or more, on decode and on encode', () => {
    const entries: MeterEntry[] = [
      { storyId: 'old', firstReadAt: daysAgo(30) },
      { storyId: 'older', firstReadAt: daysAgo(45) },
      { storyId: 'recent', firstReadAt: daysAgo(29) },
    ];
    const stored = signedWith(JSON.stringify(entries.map((e) => [e.storyId, e.firstReadAt.getTime() / 1000])));
    expect(decodeMeterCookie(stored, SECRET, NOW)).toEqual([entries[2]]);
    const encoded = encodeMeterCookie(entries, SECRET, NOW);
    expect(decodeMeterCookie(encoded, SECRET, daysAgo(40))).toEqual([entries[2]]);
  });

  it(`caps the meter at ${METER_MAX_ENTRIES} entries, keeping the most recent, and stays under 4 KB`, () => {
    const many: MeterEntry[] = Array.from({ length: METER_MAX_ENTRIES + 10 }, (_, i) => ({
      storyId: `${'s'.repeat(60)}${String(i).padStart(4, '0')}`,
      firstReadAt: new Date(daysAgo(20).getTime() + i * 60_000),
    }));
    const cookie = encodeMeterCookie(many, SECRET, NOW);
    expect(cookie.length).toBeLessThan(4000);
    const decoded = decodeMeterCookie(cookie, SECRET, NOW);
    expect(decoded).toEqual(many.slice(10));
    // a signed cookie holding more than the cap (e.g. written before the cap was lowered) is cut on decode
    const short = many.map((e, i) => ({ ...e, storyId: `s${i}` }));
    const stored = signedWith(JSON.stringify(short.map((e) => [e.storyId, e.firstReadAt.getTime() / 1000])));
    expect(decodeMeterCookie(stored, SECRET, NOW)).toEqual(short.slice(10));
  });

  it('refuses weak secrets and unencodable entries', () => {
    expect(() => encodeMeterCookie(sample, 'short', NOW)).toThrow(RangeError);
    expect(() => decodeMeterCookie('v1.W10.x', 'short', NOW)).toThrow(RangeError);
    expect(() => decodeMeterCookie('v1.W10.x', [], NOW)).toThrow(RangeError);
    expect(() => encodeMeterCookie([{ storyId: 'x'.repeat(65), firstReadAt: NOW }], SECRET, NOW)).toThrow(RangeError);
  });
});
