import { describe, expect, it } from 'vitest';
import { parsePaywallConfig } from '../../../modules/paywall/index.js';
import { claimsToBeCrawler, createCrawlerVerifier, type Resolver } from './crawler-verification.js';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const BINGBOT = 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)';
const APPLEBOT = 'Mozilla/5.0 (Macintosh) Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)';

/** DNS from two tables; counts calls; a name or address missing from a table is ENOTFOUND. */
function standIn(ptr: Record<string, string[] | Error>, forward: Record<string, string[] | Error>) {
  const calls = { reverse: 0, lookup: 0 };
  const answer = (table: Record<string, string[] | Error>, key: string) => {
    const found = table[key];
    if (found instanceof Error) return Promise.reject(found);
    return found ? Promise.resolve(found) : Promise.reject(Object.assign(new Error(`ENOTFOUND ${key}`), { code: 'ENOTFOUND' }));
  };
  const resolver: Resolver = {
    reverse: (ip) => ((calls.reverse += 1), answer(ptr, ip)),
    lookup: (name) => ((calls.lookup += 1), answer(forward, name)),
  };
  return { resolver, calls };
}

const config = (over: Record<string, unknown> = {}) => parsePaywallConfig({ crawlerAccess: { enabled: true, ...over } }).crawlerAccess;
const GOOD = standIn(
  {
    '66.249.66.1': ['crawl-66-249-66-1.googlebot.com'],
    '2001:4860:4801:10::1': ['crawl.googlebot.com.'],
    '40.77.167.1': ['msnbot-40-77-167-1.search.msn.com'],
  },
  {
    'crawl-66-249-66-1.googlebot.com': ['66.249.66.1'],
    'crawl.googlebot.com': ['66.249.66.9', '2001:4860:4801:10::1'],
    'msnbot-40-77-167-1.search.msn.com': ['40.77.167.1'],
  },
);

describe('crawler verification', () => {
  it('recognises the crawlers it can verify by their user agent only as a reason to check', () => {
    expect([GOOGLEBOT, BINGBOT, APPLEBOT].map(claimsToBeCrawler)).toEqual([true, true, true]);
    expect([undefined, '', 'Mozilla/5.0 Firefox/130.0', 'NotGooglebotish'].map(claimsToBeCrawler)).toEqual([false, false, false, false]);
  });

  it('verifies by reverse DNS under a configured suffix and a forward lookup giving the same address back', async () => {
    const verifier = createCrawlerVerifier({ config: config(), resolver: GOOD.resolver });
    expect(await verifier.isVerified('66.249.66.1', GOOGLEBOT)).toBe(true);
    expect(await verifier.isVerified('::ffff:66.249.66.1', GOOGLEBOT)).toBe(true);
    expect(await verifier.isVerified('2001:4860:4801:10::1', GOOGLEBOT)).toBe(true);
    expect(await verifier.isVerified('40.77.167.1', BINGBOT)).toBe(true);
  });

  it('never asks DNS when disabled, for another user agent, or for something that is not an address', async () => {
    const { resolver, calls } = standIn({}, {});
    const off = createCrawlerVerifier({ config: parsePaywallConfig({}).crawlerAccess, resolver });
    expect(await off.isVerified('66.249.66.1', GOOGLEBOT)).toBe(false);
    const on = createCrawlerVerifier({ config: config(), resolver });
    expect(await on.isVerified('66.249.66.1', 'Mozilla/5.0 Firefox/130.0')).toBe(false);
    expect(await on.isVerified('66.249.66.1', undefined)).toBe(false);
    expect(await on.isVerified('not-an-ip', GOOGLEBOT)).toBe(false);
    expect(calls).toEqual({ reverse: 0, lookup: 0 });
  });

  it('refuses a name outside the suffixes, a look-alike name, a forward lookup elsewhere, and any DNS error', async () => {
    const { resolver } = standIn(
      {
        '203.0.113.1': ['evil.example.com'],
        '203.0.113.2': ['crawl.evilgooglebot.com'],
        '203.0.113.3': ['crawl-66-249-66-1.googlebot.com'],
        '203.0.113.4': ['googlebot.com'],
        '203.0.113.5': new Error('timeout'),
        '203.0.113.6': ['lost.googlebot.com'],
      },
      {
        'evil.example.com': ['203.0.113.1'],
        'crawl.evilgooglebot.com': ['203.0.113.2'],
        'crawl-66-249-66-1.googlebot.com': ['66.249.66.1'],
        'googlebot.com': ['203.0.113.4'],
      },
    );
    const verifier = createCrawlerVerifier({ config: config(), resolver });
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5', '203.0.113.6', '198.51.100.7']) {
      expect(await verifier.isVerified(ip, GOOGLEBOT), ip).toBe(false);
    }
  });

  it('keeps both answers per address for cacheSeconds, one lookup for concurrent requests, then asks again', async () => {
    let now = 0;
    const { resolver, calls } = standIn(
      { '66.249.66.1': ['crawl-66-249-66-1.googlebot.com'] },
      { 'crawl-66-249-66-1.googlebot.com': ['66.249.66.1'] },
    );
    const verifier = createCrawlerVerifier({ config: config({ cacheSeconds: 100 }), resolver, now: () => now });
    expect(await Promise.all([1, 2, 3].map(() => verifier.isVerified('66.249.66.1', GOOGLEBOT)))).toEqual([true, true, true]);
    expect(await verifier.isVerified('203.0.113.9', GOOGLEBOT)).toBe(false);
    now = 99_999;
    expect(await verifier.isVerified('66.249.66.1', BINGBOT)).toBe(true);
    expect(await verifier.isVerified('203.0.113.9', GOOGLEBOT)).toBe(false);
    expect(calls).toEqual({ reverse: 2, lookup: 1 });
    now = 100_000;
    expect(await verifier.isVerified('66.249.66.1', GOOGLEBOT)).toBe(true);
    expect(calls).toEqual({ reverse: 3, lookup: 2 });
  });

  it('retries a passing DNS failure after a minute, not after cacheSeconds', async () => {
    let now = 0;
    const { resolver, calls } = standIn({ '66.249.66.1': Object.assign(new Error('queryPtr ETIMEOUT'), { code: 'ETIMEOUT' }) }, {});
    const verifier = createCrawlerVerifier({ config: config(), resolver, now: () => now });
    expect(await verifier.isVerified('66.249.66.1', GOOGLEBOT)).toBe(false);
    now = 59_999;
    expect(await verifier.isVerified('66.249.66.1', GOOGLEBOT)).toBe(false);
    expect(calls.reverse).toBe(1);
    now = 60_000;
    expect(await verifier.isVerified('66.249.66.1', GOOGLEBOT)).toBe(false);
    expect(calls.reverse).toBe(2);
  });

  it('keeps at most maxEntries addresses, dropping the least recently used', async () => {
    const { resolver, calls } = standIn({}, {});
    const verifier = createCrawlerVerifier({ config: config(), resolver, maxEntries: 2 });
    await verifier.isVerified('203.0.113.1', GOOGLEBOT);
    await verifier.isVerified('203.0.113.2', GOOGLEBOT);
    await verifier.isVerified('203.0.113.1', GOOGLEBOT); // used again: .2 is now the oldest
    await verifier.isVerified('203.0.113.3', GOOGLEBOT); // drops .2
    expect(calls.reverse).toBe(3);
    await verifier.isVerified('203.0.113.1', GOOGLEBOT);
    expect(calls.reverse).toBe(3);
    await verifier.isVerified('203.0.113.2', GOOGLEBOT);
    expect(calls.reverse).toBe(4);
  });
});
