import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

// Rate limits key on the client address; behind a proxy it must come from X-Forwarded-For, and only
// when the operator said to trust the proxy. (HTTP behaviour, not data: SQLite is enough here.)
describe('client address behind a reverse proxy', () => {
  let direct: TestSite;
  let proxied: TestSite;
  beforeAll(async () => {
    direct = await startTestSite('sqlite');
    proxied = await startTestSite('sqlite', { TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  const failSignIns = async (site: TestSite, forwardedFor: string, times: number) => {
    const codes: number[] = [];
    for (let i = 0; i < times; i++) {
      const res = await site.app.inject({
        method: 'POST',
        url: `${API}/session`,
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { email: `nobody${i}@example.org`, password: 'wrong password here' },
      });
      codes.push(res.statusCode);
    }
    return codes;
  };

  it('with TRUST_PROXY, readers behind the same proxy are limited one by one', async () => {
    // 20 attempts per IP per 15 minutes: the 21st from one reader is refused, another reader is not.
    const first = await failSignIns(proxied, '203.0.113.7', 21);
    expect(first.at(-1)).toBe(429);
    const other = await failSignIns(proxied, '198.51.100.9', 1);
    expect(other).toEqual([401]);
  });

  it('with TRUST_PROXY, a reader picking other addresses of its IPv6 /64, or the mapped IPv6 spelling, is still one reader', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push(...(await failSignIns(proxied, `2001:db8:7e:1:${i.toString(16)}::${i.toString(16)}`, 1)));
    expect(codes.at(-1)).toBe(429);
    expect(await failSignIns(proxied, '2001:db8:7e:2::1', 1)).toEqual([401]);
    const mapped: number[] = [];
    for (let i = 0; i < 21; i++) mapped.push(...(await failSignIns(proxied, i % 2 ? '::ffff:198.51.100.77' : '198.51.100.77', 1)));
    expect(mapped.at(-1)).toBe(429);
  });

  it('without it, a forged X-Forwarded-For does not escape the limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push(...(await failSignIns(direct, `192.0.2.${i}`, 1)));
    expect(codes.at(-1)).toBe(429);
  });
});
