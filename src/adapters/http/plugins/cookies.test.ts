import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from './cookies.js';

describe('cookies', () => {
  it('parses a Cookie header, first occurrence winning, quotes removed', () => {
    const cookies = parseCookies('a=1; mh_staff=tok-en_1; b="quoted"; a=2; junk; =x');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['mh_staff', 'tok-en_1'],
      ['b', 'quoted'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('serializes with the security attributes, and deletes with Max-Age=0', () => {
    expect(serializeCookie('mh_staff', 'abc', { maxAge: 60, secure: true })).toBe(
      'mh_staff=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure',
    );
    expect(serializeCookie('mh_staff', '', { maxAge: 0, secure: false })).toBe(
      'mh_staff=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
    );
    expect(() => serializeCookie('mh_staff', 'a;b', { maxAge: 1, secure: false })).toThrow();
  });
});
