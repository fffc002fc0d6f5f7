/**
 * The leak suite: gated stories whose withheld part holds a canary unique to this run, requested
 * by every kind of reader on every surface in ./surfaces.ts, through a real listening server (so
 * the front cache in front of the framework is part of what is tested) with the page cache on.
 * For every reader the paywall denies, no canary may appear in the status line, the headers or
 * the body; for a subscriber, the story pages show it. Every request claims to be Googlebot: no
 * user agent is trusted. Later features register their surfaces in surfaces.ts and are covered
 * here without another line.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMeterCookie, parsePaywallConfig } from '../../src/modules/paywall/index.js';
import { DIALECTS } from '../support/databases.js';
import { jsonLd } from '../support/html-probe.js';
import { startPaywallSite, type LeakStory, type PaywallSite } from './leak-site.js';
import { testMembers, type TestMembers } from './members.js';
import { SURFACES, type Surface } from './surfaces.js';

const DAY = 86_400_000;

type StoryKey = 'paid' | 'paidNoBreak' | 'registered' | 'metered';

interface Reader {
  name: string;
  /** The Cookie header this reader sends, made once the site is up (members through the members module). */
  cookie(site: PaywallSite, members: TestMembers): Promise<string | undefined>;
  /** The stories (of those under test) this reader is denied. */
  denied: readonly StoryKey[];
}

/** A meter cookie whose payload was edited after signing (its first read moved a day later). */
function tampered(cookie: string): string {
  const [version, payload, signature] = cookie.split('.') as [string, string, string];
  const rows = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, number][];
  const edited = rows.map(([id, at]) => [id, at + 86_400]);
  return `${version}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`;
}

const signed = (site: PaywallSite, stories: readonly LeakStory[]) =>
  encodeMeterCookie(
    stories.map((s, i) => ({ storyId: s.storyId, firstReadAt: new Date(site.clock.now().getTime() - (i + 1) * DAY) })),
    site.services.meterSecrets[0] as string,
    site.clock.now(),
  );

const READERS: Reader[] = [
  { name: 'anonymous, no cookie', cookie: async () => undefined, denied: ['paid', 'paidNoBreak', 'registered'] },
  {
    name: 'anonymous over the meter',
    cookie: async (site) => `mh_meter=${signed(site, site.stories.metered.slice(2, 5))}`,
    denied: ['paid', 'paidNoBreak', 'registered', 'metered'],
  },
  {
    name: 'anonymous with a tampered meter',
    cookie: async (site) => `mh_meter=${tampered(signed(site, site.stories.metered.slice(4, 5)))}`,
    denied: ['paid', 'paidNoBreak', 'registered', 'metered'],
  },
  {
    name: 'anonymous with a meter signed by another key',
    cookie: async (site) => `mh_meter=${encodeMeterCookie([], 'not-our-secret-not-our-secret-not-our-secret', site.clock.now())}`,
    denied: ['paid', 'paidNoBreak', 'registered', 'metered'],
  },
  {
    name: 'anonymous with garbage in the meter',
    cookie: async () => 'mh_meter=v1.e30.AAAA',
    denied: ['paid', 'paidNoBreak', 'registered', 'metered'],
  },
  {
    name: 'free member over the monthly meter',
    cookie: async (site, members) =>
      (await members.signIn('free@example.org', { readsThisMonth: site.stories.metered.slice(3, 5).map((s) => s.storyId) })).cookie,
    denied: ['paid', 'paidNoBreak', 'metered'],
  },
  {
    name: 'lapsed subscriber (canceled, paid period over), over the monthly meter',
    cookie: async (site, members) =>
      (
        await members.signIn('lapsed@example.org', {
          subscription: { status: 'canceled', paidThrough: new Date(site.clock.now().getTime() - DAY) },
          readsThisMonth: site.stories.metered.slice(3, 5).map((s) => s.storyId),
        })
      ).cookie,
    denied: ['paid', 'paidNoBreak', 'metered'],
  },
  {
    name: 'anonymous holding a gift link to the paid story (for the other stories)',
    cookie: async (site, members) => {
      const giver = await members.signIn('giver@example.org', {
        subscription: { status: 'active', paidThrough: new Date(site.clock.now().getTime() + 20 * DAY) },
      });
      return members.giftCookie(site.stories.paid.storyId, giver.memberId);
    },
    denied: ['paidNoBreak', 'registered'],
  },
];

const SUBSCRIBER: Reader = {
  name: 'subscriber',
  cookie: async (site, members) =>
    (
      await members.signIn('subscriber@example.org', {
        subscription: { status: 'active', paidThrough: new Date(site.clock.now().getTime() + 20 * DAY) },
      })
    ).cookie,
  denied: [],
};

describe.each(DIALECTS)('no withheld text leaves the server (%s)', (dialect) => {
  let site: PaywallSite;
  let base = '';
  const cookies = new Map<string, string | undefined>();
  const cookieOf = (reader: Reader) => cookies.get(reader.name);
  const stories = (): Record<StoryKey, LeakStory> => ({
    paid: site.stories.paid,
    paidNoBreak: site.stories.paidNoBreak,
    registered: site.stories.registered,
    metered: site.stories.metered[0] as LeakStory,
  });
  const canaries = () => Object.values(stories()).flatMap((s) => [s.en.canary, ...(s.tr ? [s.tr.canary] : [])]);

  beforeAll(async () => {
    // The members module is the real one (container wiring); members get two free stories a month.
    site = await startPaywallSite(dialect, {
      env: { PAGE_CACHE_SECONDS: '60' },
      paywall: () => ({ config: parsePaywallConfig({ registeredMeterLimit: 2 }) }),
    });
    const members = testMembers(site.services);
    for (const reader of [...READERS, SUBSCRIBER]) cookies.set(reader.name, await reader.cookie(site, members));
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await site?.close();
  });

  async function request(surface: Surface, story: LeakStory, cookie: string | undefined) {
    const url = surface.url(story);
    if (url === null) return null;
    const res = await fetch(base + url, {
      method: surface.method ?? 'GET',
      headers: {
        ...surface.headers,
        ...(cookie && { cookie }),
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      },
      redirect: 'manual',
    });
    const body = await res.text();
    const headers: string[] = [];
    res.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
    return {
      url,
      status: res.status,
      all: `${res.status} ${res.statusText}\n${headers.join('\n')}\n\n${body}`,
      body,
      headers: res.headers,
    };
  }

  it('a subscriber reads every story in full on every story page, first (so the caches hold their pages)', async () => {
    const cookie = cookieOf(SUBSCRIBER);
    for (const story of Object.values(stories())) {
      for (const surface of SURFACES) {
        const res = await request(surface, story, cookie);
        if (!res) continue;
        expect(res.status, `${surface.name}: ${res.url}`).toBe(surface.status ?? 200);
        const shown = surface.shows?.(story);
        if (shown && surface.method !== 'HEAD') {
          expect(res.body, `${surface.name} shows the subscriber the withheld text: ${res.url}`).toContain(shown);
          expect(res.headers.get('cache-control')).toBe('private, no-store');
        }
      }
    }
  });

  for (const reader of READERS) {
    it(`${reader.name}: no canary on any surface for the stories they are denied`, async () => {
      const cookie = cookieOf(reader);
      const all = stories();
      for (const key of reader.denied) {
        const story = all[key];
        const mine = [story.en.canary, ...(story.tr ? [story.tr.canary] : [])];
        for (const surface of SURFACES) {
          const res = await request(surface, story, cookie);
          if (!res) continue;
          expect(res.status, `${surface.name}: ${res.url}`).toBe(surface.status ?? 200);
          for (const canary of mine)
            expect(res.all.includes(canary), `${reader.name} saw ${key}'s withheld text on ${surface.name}: ${res.url}`).toBe(false);
          if (surface.shows?.(story) && surface.method !== 'HEAD') {
            // A denied reader gets the preview and the paywall, not an error or an empty page.
            expect(res.body, `${surface.name}: ${res.url}`).toContain('class="paywall"');
            expect(res.body).toContain('paywall__benefits');
            expect(res.headers.get('vary')).toContain('Cookie');
            expect(res.headers.get('cache-control')).toMatch(/^private, /);
          }
        }
      }
    });
  }

  it('listings and APIs never carry body text to anyone, the preview included', async () => {
    const cookie = cookieOf(SUBSCRIBER);
    for (const story of Object.values(stories())) {
      for (const surface of SURFACES.filter((s) => !s.shows && s.status === undefined)) {
        for (const who of [undefined, cookie]) {
          const res = await request(surface, story, who);
          if (!res) continue;
          for (const text of [story.en.lead, ...canaries()])
            expect(res.body, `${surface.name} (${who ? 'subscriber' : 'anonymous'})`).not.toContain(text);
        }
      }
    }
    // ...while the listings do list the gated stories, by title and dek.
    const home = await (await fetch(`${base}/en/`)).text();
    expect(home).toContain(site.stories.paid.en.title);
    expect(home).toContain(site.stories.paid.en.dek);
  });

  it('head metadata (title, meta description, Open Graph, JSON-LD) is the dek, never the body, for every reader', async () => {
    const paid = site.stories.paid;
    for (const cookie of [undefined, cookieOf(SUBSCRIBER)]) {
      for (const path of [paid.en.path, paid.tr!.path]) {
        const html = await (await fetch(base + path, cookie ? { headers: { cookie } } : {})).text();
        const head = html.slice(0, html.indexOf('</head>'));
        for (const canary of canaries()) expect(head).not.toContain(canary);
        const dek = path === paid.en.path ? paid.en.dek : paid.tr!.dek;
        expect(head).toContain(`<meta name="description" content="${dek}">`);
        expect(head).toContain(`<meta property="og:description" content="${dek}">`);
        const ld = jsonLd(html) as Record<string, unknown>;
        expect(ld).toMatchObject({
          '@type': 'NewsArticle',
          description: dek,
          isAccessibleForFree: false,
          hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywalled-content' },
        });
        expect(html).toMatch(/<div class="story__body paywalled-content"/);
      }
    }
  });

  it("the front cache never answers with a subscriber's page, nor with a reader class's page for another class", async () => {
    const paid = site.stories.paid.en.path;
    const subscriber = cookieOf(SUBSCRIBER) as string;
    const metered = site.stories.metered[1] as LeakStory;
    for (let round = 0; round < 3; round++) {
      expect(await (await fetch(base + paid, { headers: { cookie: subscriber } })).text()).toContain(site.stories.paid.en.canary);
      const anonymous = await fetch(base + paid);
      const body = await anonymous.text();
      expect(body).not.toContain(site.stories.paid.en.canary);
      expect(body).toContain(site.stories.paid.en.lead);
      expect(anonymous.headers.get('cache-control')).toBe('private, max-age=0');
      // The metered story: a fresh reader gets it whole (and a meter), one over the meter does not.
      const fresh = await fetch(base + metered.en.path);
      expect(await fresh.text()).toContain(metered.en.canary);
      expect(fresh.headers.get('set-cookie')).toMatch(/^mh_meter=/);
      const over = cookieOf(READERS[1]!) as string;
      expect(await (await fetch(base + metered.en.path, { headers: { cookie: over } })).text()).not.toContain(metered.en.canary);
    }
    // Public pages are still shared: the second answer comes from the cache with public caching.
    const publicStory = '/en/2014/07/harbour-fish-prices-climb';
    await fetch(base + publicStory);
    const again = await fetch(base + publicStory, { headers: { cookie: cookieOf(READERS[1]!) as string } });
    expect(again.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=1');
    expect(site.app.server.listening).toBe(true);
  });

  it('a gift link opens the paid story, in every translation, and nothing else', async () => {
    const gift = cookieOf(READERS.find((r) => r.name.startsWith('anonymous holding a gift'))!);
    const paid = site.stories.paid;
    for (const path of [paid.en.path, paid.tr!.path, `/ar${paid.en.path.slice(3)}`]) {
      const res = await fetch(base + path, { headers: { cookie: gift as string } });
      const body = await res.text();
      expect(body, path).toContain(path.startsWith('/tr/') ? paid.tr!.canary : paid.en.canary);
      expect(res.headers.get('cache-control')).toBe('private, max-age=0');
      // ...and the next anonymous reader still gets the preview.
      expect(await (await fetch(base + path)).text()).not.toContain(path.startsWith('/tr/') ? paid.tr!.canary : paid.en.canary);
    }
  });
});
