import { describe, expect, it } from 'vitest';
import { rateLimitSubject } from './client-address.js';

describe('rate-limit subject of a client address', () => {
  it('leaves IPv4 as it is', () => {
    for (const address of ['203.0.113.7', '10.0.0.1', '0.0.0.0', '255.255.255.255']) expect(rateLimitSubject(address)).toBe(address);
  });

  it('turns an IPv4-mapped IPv6 address, in every spelling, into the IPv4 address', () => {
    for (const mapped of [
      '::ffff:203.0.113.7',
      '::FFFF:203.0.113.7',
      '0:0:0:0:0:ffff:203.0.113.7',
      '::ffff:cb00:7107',
      '0000:0000:0000:0000:0000:FFFF:CB00:7107',
    ]) {
      expect(rateLimitSubject(mapped)).toBe('203.0.113.7');
    }
    expect(rateLimitSubject('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(rateLimitSubject('::ffff:0.0.0.0')).toBe('0.0.0.0');
  });

  it('gives every spelling of one IPv6 address the same /64', () => {
    const spellings = [
      '2001:db8::1',
      '2001:DB8::1',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:db8:0:0::1',
      '2001:db8::0:1',
      '2001:db8::0.0.0.1',
    ];
    for (const spelling of spellings) expect(rateLimitSubject(spelling)).toBe('2001:db8:0:0::/64');
  });

  it('gives every address of one /64 the same subject, whatever the host bits', () => {
    const hosts = [
      '2001:db8:aa:bb::1',
      '2001:db8:aa:bb:ffff:ffff:ffff:ffff',
      '2001:db8:aa:bb:1234:5678:9abc:def0',
      '2001:db8:aa:bb::ffff:1.2.3.4',
    ];
    for (const host of hosts) expect(rateLimitSubject(host)).toBe('2001:db8:aa:bb::/64');
  });

  it('keeps different /64s apart', () => {
    const subjects = ['2001:db8:aa:bb::1', '2001:db8:aa:bc::1', '2001:db8:ab:bb::1', '2001:db9:aa:bb::1', '::1', '1::1'].map(
      rateLimitSubject,
    );
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
  });

  it('drops a zone id', () => {
    expect(rateLimitSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitSubject('fe80::abcd%25')).toBe('fe80:0:0:0::/64');
    expect(rateLimitSubject('FE80::1%en0')).toBe(rateLimitSubject('fe80::2'));
  });

  it('answers anything that is not an address unchanged, never throwing', () => {
    for (const odd of [
      '',
      'unknown',
      '[2001:db8::1]',
      ' 10.0.0.1',
      '010.0.0.1',
      '1.2.3.4.5',
      '2001:db8::1::2',
      '1:2:3:4:5:6:7:8:9',
      '::ffff:1.2.3',
      '%eth0',
      'gggg::1',
    ]) {
      expect(rateLimitSubject(odd)).toBe(odd);
    }
  });
});
