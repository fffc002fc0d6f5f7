import { isIPv4, isIPv6 } from 'node:net';

/**
 * The rate-limit subject of a client address: what one client can be told apart by, so that the
 * spellings and the address space one client holds count as one.
 *
 * - An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, `::ffff:c000:201`) is the IPv4 address it maps:
 *   a dual-stack socket shows the same host either way.
 * - Any other IPv6 address is its /64 (`2001:db8:0:0::/64`, groups lowercase without leading zeros,
 *   zone id dropped): a /64 is what one subscriber line or host is given, so a client that can pick
 *   any of its 2^64 addresses is still one subject, however the address is spelled.
 * - IPv4 stays as it is; anything else (not an address at all) is returned unchanged, never thrown.
 */
export function rateLimitSubject(address: string): string {
  if (isIPv4(address)) return address;
  const withoutZone = address.replace(/%.*$/, '');
  if (!isIPv6(withoutZone)) return address;
  const groups = ipv6Groups(withoutZone);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail split in two). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = address.split('::');
  const start = parse(head);
  if (tail === undefined) return start;
  const end = parse(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}
