/**
 * The header names a signed-in member (their email, members have no other name). Such a page must
 * never reach anyone else: not through the page cache, the front cache in front of the framework,
 * nor a CDN told it may keep the page. A member visits every surface (listings and story pages of
 * every access level, and a public story) through a real listening server with the page cache on;
 * every one of those answers is `private, no-store`; then anonymous readers (no cookie, or the
 * meter cookie alone) ask for the same URLs, twice (the second from the front cache), through a
 * stand-in CDN that keeps what it is told it may share, and never see the member's email.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMeterCookie } from '../../src/modules/paywall/index.js';
import { DIALECTS } from '../support/databases.js';
import { startPaywallSite, type LeakStory, type PaywallSite } from './leak-site.js';
import { testMembers } from './members.js';
import { SURFACES } from './surfaces.js';

const EMAIL = 'header-canary.reader@example.org';
const PUBLIC_STORY = '/en/2014/07/harbour-fish-prices-climb';

interface Kept {
  headers: string;
  body: string;
}

/**
 * A shared cache as a CDN runs one: it keeps an answer under its URL when told `public` with an
 * `s-maxage`, unless it varies on Cookie, and answers every later request for that URL with it.
 */
function standInCdn(origin: string) {
  const kept = new Map<string, Kept>();
  return async (url: string, headers: Record<string, string> = {}): Promise<Kept & { cacheControl: string | null }> => {
    const hit = kept.get(url);
    if (hit) return { ...hit, cacheControl: null };
    const res = await fetch(origin + url, { headers });
    const answer = { headers: [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n'), body: await res.text() };
    const cacheControl = res.headers.get('cache-control');
    const shareable = /\bpublic\b/.test(cacheControl ?? '') && /s-maxage=[1-9]/.test(cacheControl ?? '');
    if (res.status === 200 && shareable && !/cookie/i.test(res.headers.get('vary') ?? '')) kept.set(url, answer);
    return { ...answer, cacheControl };
  };
}

describe.each(DIALECTS)("a member's name in the header never reaches another reader (%s)", (dialect) => {
  let site: PaywallSite;
  let cdn: ReturnType<typeof standInCdn>;
  let memberCookie: string;
  let urls: string[];
  beforeAll(async () => {
    site = await startPaywallSite(dialect, { env: { PAGE_CACHE_SECONDS: '3600' } });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    cdn = standInCdn(`http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`);
    memberCookie = (await testMembers(site.services).signIn(EMAIL)).cookie;
    const { paid, paidNoBreak, registered, metered } = site.stories;
    const stories: LeakStory[] = [paid, paidNoBreak, registered, ...metered.slice(0, 2)];
    // Every page surface that answers 200 (listings and story pages), for every gated story, and a public story.
    const pages = SURFACES.filter((s) => (s.status ?? 200) === 200 && (s.method ?? 'GET') === 'GET' && !s.headers);
    urls = [...new Set([PUBLIC_STORY, ...stories.flatMap((story) => pages.map((s) => s.url(story)).filter((u) => u !== null))])];
  });
  afterAll(async () => {
    await site?.close();
  });

  it('the member sees their email on every page, each sent private, no-store', async () => {
    for (const url of urls) {
      const res = await cdn(url, { cookie: memberCookie });
      expect.soft(res.body, url).toContain(EMAIL);
      expect.soft(res.cacheControl, url).toBe('private, no-store');
    }
  });

  it('afterwards, anonymous readers of the same URLs never see it, from the routes, the front cache or a CDN', async () => {
    for (const url of urls) await cdn(url, { cookie: memberCookie });
    const meter = `mh_meter=${encodeMeterCookie([], site.services.meterSecrets[0] as string, site.clock.now())}`;
    for (const headers of [{}, { cookie: meter }, {}] as Record<string, string>[]) {
      for (const url of urls) {
        const res = await cdn(url, headers);
        const text = res.headers + res.body;
        expect.soft(text, url).not.toContain(EMAIL);
        expect.soft(text, url).not.toContain('Signed in as');
      }
    }
    // The anonymous home page is the shared one: kept, answered by the front cache, public for CDNs.
    const home = await standInCdn(`http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`)('/en/');
    expect(home.cacheControl).toMatch(/^public, /);
  });
});
