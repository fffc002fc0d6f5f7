/**
 * Sampling access for verified search crawlers (`paywall.crawlerAccess`), in the leak suite's
 * spirit: a user agent alone never opens a story; only an address whose reverse DNS name (under a
 * configured suffix) resolves back to it does, and that full page never reaches anyone else, through
 * the front cache or the route. Both databases; DNS is a stand-in resolver injected through the
 * paywall wiring (real DNS is an outside service), crawler access enabled through the config file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../../src/adapters/http/site/crawler-verification.js';
import { DIALECTS } from '../support/databases.js';
import { setCookie, startPaywallSite, type LeakStory, type PaywallSite } from './leak-site.js';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const DAY = 86_400_000;

/** The stand-in DNS: PTR and forward tables, and how often each address was reverse-resolved. */
function standInDns() {
  const ptr: Record<string, string> = {
    '66.249.66.1': 'crawl-66-249-66-1.googlebot.com',
    '66.249.66.3': 'crawl-66-249-66-3.googlebot.com',
    '66.249.66.2': 'crawl-66-249-66-2.googlebot.com', // forward: another address
    '203.0.113.7': 'evil.example.com',
    '127.0.0.1': 'crawl-127-0-0-1.googlebot.com', // the real listening server's client
  };
  const forward: Record<string, string[]> = {
    'crawl-66-249-66-1.googlebot.com': ['66.249.66.1'],
    'crawl-66-249-66-3.googlebot.com': ['66.249.66.3'],
    'crawl-66-249-66-2.googlebot.com': ['66.249.66.99'],
    'evil.example.com': ['203.0.113.7'],
    'crawl-127-0-0-1.googlebot.com': ['127.0.0.1'],
  };
  const reverseCalls = new Map<string, number>();
  const notFound = () => Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  const resolver: Resolver = {
    async reverse(ip) {
      reverseCalls.set(ip, (reverseCalls.get(ip) ?? 0) + 1);
      const name = ptr[ip];
      if (!name) throw notFound();
      return [name];
    },
    async lookup(name) {
      const found = forward[name];
      if (!found) throw notFound();
      return found;
    },
  };
  return { resolver, reverseCalls, total: () => [...reverseCalls.values()].reduce((a, b) => a + b, 0) };
}

function configFile(json: unknown): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-crawlers-'));
  const path = join(dir, 'masthead.json');
  writeFileSync(path, JSON.stringify(json));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const gated = (site: PaywallSite): LeakStory[] => [site.stories.paid, site.stories.registered, site.stories.metered[0] as LeakStory];

function expectPaywall(res: { body: string; headers: Record<string, unknown> }, story: LeakStory, what: string) {
  expect(res.body, what).not.toContain(story.en.canary);
  expect(res.body, what).toContain(story.en.lead);
  expect(res.body, what).toContain('class="paywall"');
}

describe.each(DIALECTS)('search crawler access (%s)', (dialect) => {
  describe('off by default', () => {
    let site: PaywallSite;
    const dns = standInDns();
    beforeAll(async () => {
      site = await startPaywallSite(dialect, { env: { PAGE_CACHE_SECONDS: '60' }, paywall: () => ({ crawlerResolver: dns.resolver }) });
    });
    afterAll(async () => {
      await site?.close();
    });

    it('a request from a crawler address with a Googlebot user agent gets the paywall like anyone, and DNS is never asked', async () => {
      expect(site.services.config.paywall.crawlerAccess.enabled).toBe(false);
      for (const story of [site.stories.paid, site.stories.registered]) {
        const claim = await site.app.inject({ url: story.en.path, headers: { 'user-agent': GOOGLEBOT }, remoteAddress: '66.249.66.1' });
        const plain = await site.app.inject({ url: story.en.path, remoteAddress: '198.51.100.1' });
        expectPaywall(claim, story, 'Googlebot, crawler access off');
        expect(claim.body).toBe(plain.body);
        expect(claim.headers['cache-control']).toBe('private, max-age=0');
        expect(claim.headers.etag).toBe(plain.headers.etag);
      }
      expect(dns.total()).toBe(0);
    });
  });

  describe('enabled in the config file', () => {
    let site: PaywallSite;
    let base = '';
    const dns = standInDns();
    const file = configFile({ paywall: { crawlerAccess: { enabled: true } } });
    beforeAll(async () => {
      site = await startPaywallSite(dialect, {
        env: { PAGE_CACHE_SECONDS: '60', MASTHEAD_CONFIG: file.path },
        paywall: () => ({ crawlerResolver: dns.resolver }),
      });
      await site.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await site?.close();
      file.remove();
    });

    const asCrawler = (url: string, remoteAddress: string, userAgent = GOOGLEBOT) =>
      site.app.inject({ url, headers: { 'user-agent': userAgent }, remoteAddress });

    it('a verified crawler gets paid, registered and metered stories in full, private no-store, with no meter cookie', async () => {
      expect(site.services.config.paywall.crawlerAccess).toMatchObject({ enabled: true, cacheSeconds: 86_400 });
      for (const story of gated(site)) {
        for (const path of [story.en.path, ...(story.tr ? [story.tr.path] : [])]) {
          const res = await asCrawler(path, '66.249.66.1');
          expect(res.statusCode).toBe(200);
          expect(res.body, path).toContain(path === story.en.path ? story.en.canary : story.tr!.canary);
          expect(res.body).not.toContain('class="paywall"');
          expect(res.headers['cache-control']).toBe('private, no-store');
          expect(setCookie(res.headers, 'mh_meter')).toBeNull();
        }
      }
    });

    it('forward confirmation to another address, a name outside the suffixes, or no user agent claim: the paywall', async () => {
      for (const story of gated(site).slice(0, 2)) {
        expectPaywall(await asCrawler(story.en.path, '66.249.66.2'), story, 'forward lookup elsewhere');
        expectPaywall(await asCrawler(story.en.path, '203.0.113.7'), story, 'evil.example.com');
        expectPaywall(await asCrawler(story.en.path, '198.51.100.1'), story, 'no PTR at all');
        expectPaywall(
          await asCrawler(story.en.path, '66.249.66.1', 'Mozilla/5.0 Firefox/130.0'),
          story,
          'crawler address, browser user agent',
        );
      }
      const spoofed = await asCrawler(site.stories.paid.en.path, '203.0.113.7');
      expect(spoofed.headers['cache-control']).toBe('private, max-age=0');
    });

    it('asks DNS once per address within the cache time, for either answer, and again after it', async () => {
      for (let i = 0; i < 3; i++) {
        for (const story of gated(site)) {
          expect((await asCrawler(story.en.path, '66.249.66.3')).body).toContain(story.en.canary);
          const evil = await asCrawler(story.en.path, '203.0.113.7');
          // What an anonymous reader with a fresh meter gets: the metered story is within the meter.
          if (story.accessLevel === 'metered') expect(evil.headers['cache-control']).toBe('private, max-age=0');
          else expectPaywall(evil, story, 'evil.example.com, cached');
        }
      }
      expect(dns.reverseCalls.get('66.249.66.3')).toBe(1);
      expect(dns.reverseCalls.get('203.0.113.7')).toBe(1);
      const now = site.clock.now();
      try {
        site.clock.set(new Date(now.getTime() + DAY));
        expect((await asCrawler(site.stories.paid.en.path, '66.249.66.3')).body).toContain(site.stories.paid.en.canary);
        expect(dns.reverseCalls.get('66.249.66.3')).toBe(2);
      } finally {
        site.clock.set(now);
      }
    });

    it('after a verified crawler read the full story, an anonymous reader still gets the paywall, from the front cache and the route', async () => {
      const story = site.stories.paidNoBreak;
      const crawler = await fetch(base + story.en.path, { headers: { 'user-agent': GOOGLEBOT } });
      const full = await crawler.text();
      expect(full).toContain(story.en.canary);
      expect(crawler.headers.get('cache-control')).toBe('private, no-store');
      for (const attempt of ['first', 'second (the cached preview)', 'with the full page etag']) {
        const headers: Record<string, string> = attempt.startsWith('with')
          ? { 'if-none-match': crawler.headers.get('etag') as string }
          : {};
        const res = await fetch(base + story.en.path, { headers });
        expect(res.status, attempt).toBe(200);
        const body = await res.text();
        expect(body, attempt).not.toContain(story.en.canary);
        expect(body, attempt).toContain('class="paywall"');
        expect(res.headers.get('cache-control'), attempt).toBe('private, max-age=0');
      }
      // And the other way round: the anonymous preview is cached now; the crawler still gets its own full page, and nobody else does.
      expect(await (await fetch(base + story.en.path, { headers: { 'user-agent': GOOGLEBOT } })).text()).toContain(story.en.canary);
      const after = await (await fetch(base + story.en.path, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/130.0' } })).text();
      expect(after).not.toContain(story.en.canary);
      expect(dns.reverseCalls.get('127.0.0.1')).toBe(1);
    });
  });
});
