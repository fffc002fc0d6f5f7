/**
 * The story route with the paywall: anonymous metering in the signed cookie, members' monthly meter
 * (the real members module, in the database), the paywall box, the caching of gated pages and the
 * meter secret. Both databases, page cache on (metering must not depend on what the cache holds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, openServices } from '../../src/app/container.js';
import { ConfigError } from '../../src/app/config.js';
import { loadMeterSecrets } from '../../src/app/wiring/paywall-wiring.js';
import { encodeMeterCookie, parsePaywallConfig, type Subscription } from '../../src/modules/paywall/index.js';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { jsonLd } from '../support/html-probe.js';
import { membersStandIn, setCookie, startPaywallSite, type LeakStory, type MembersStandIn, type PaywallSite } from '../leak/leak-site.js';
import { testMembers, type TestMembers } from '../leak/members.js';

const DAY = 86_400_000;
const ACTIVE: Subscription = { status: 'active', currentPeriodEnd: new Date('2014-08-01T00:00:00Z') };
const PAID_THROUGH = new Date('2014-08-01T00:00:00Z');
const PUBLIC_STORY = '/en/2014/07/harbour-fish-prices-climb';

describe.each(DIALECTS)('metering and the story paywall (%s)', (dialect) => {
  let site: PaywallSite;
  let members: TestMembers;
  let m: LeakStory[];
  beforeAll(async () => {
    site = await startPaywallSite(dialect, {
      env: { PAGE_CACHE_SECONDS: '60' },
      paywall: () => ({ config: parsePaywallConfig({ registeredMeterLimit: 2 }) }),
    });
    members = testMembers(site.services);
    m = site.stories.metered;
  });
  afterAll(async () => {
    await site?.close();
  });

  const get = (url: string, cookie?: string, method: 'GET' | 'HEAD' = 'GET') =>
    site.app.inject({ method, url, headers: cookie ? { cookie } : {} });
  const meterOf = (res: Awaited<ReturnType<typeof get>>) => setCookie(res.headers, 'mh_meter');

  it('anonymous: three metered stories are free, the fourth gets the localized paywall; re-reads stay free', async () => {
    let cookie: string | undefined;
    for (const story of m.slice(0, 3)) {
      const res = await get(story.en.path, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(story.en.canary);
      expect(res.body).not.toContain('class="paywall"');
      expect(res.headers['cache-control']).toBe('private, max-age=0');
      expect(res.headers.vary).toBe('Accept-Encoding, Cookie');
      const meter = meterOf(res);
      expect(meter?.attributes).toBe('Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure');
      cookie = meter?.pair;
    }

    const fourth = await get(m[3]!.en.path, cookie);
    expect(fourth.statusCode).toBe(200);
    expect(fourth.body).not.toContain(m[3]!.en.canary);
    expect(fourth.body).toContain(m[3]!.en.lead);
    expect(fourth.body).toContain('data-offer="register"');
    expect(fourth.body).toContain('You have read the 3 free stories you get every 30 days.');
    // The plans from the members module, with their benefits in the edition's language.
    expect(fourth.body).toContain('<h3>Registered</h3>');
    expect(fourth.body).toContain('<h3>Supporter</h3>');
    for (const benefit of ['The complete archive', 'Invitations to our events', 'Invite-only briefings with our reporters']) {
      expect(fourth.body).toContain(`<li>${benefit}</li>`);
    }
    expect(fourth.body).toContain('<a class="paywall__button paywall__subscribe" href="/en/subscribe">Subscribe</a>');
    expect(fourth.body).toContain(`href="/en/sign-in?return=${encodeURIComponent(m[3]!.en.path)}">Sign in</a>`);
    expect(meterOf(fourth)).toBeNull();

    // Re-reading one of the three, in English or in its Turkish translation, is free and not counted.
    for (const path of [m[1]!.en.path, m[0]!.en.path, m[0]!.tr!.path]) {
      const again = await get(path, cookie);
      expect(again.body).toContain(path === m[0]!.tr!.path ? m[0]!.tr!.canary : path === m[0]!.en.path ? m[0]!.en.canary : m[1]!.en.canary);
      expect(meterOf(again)).toBeNull();
    }
    // And the fourth is still denied.
    expect((await get(m[4]!.en.path, cookie)).body).not.toContain(m[4]!.en.canary);
  });

  it('the Turkish paywall speaks Turkish and links the Turkish pages', async () => {
    const full = m.slice(1, 4).map((s) => ({ storyId: s.storyId, firstReadAt: NOW }));
    const cookie = `mh_meter=${encodeMeterCookie(full, site.services.meterSecrets[0]!, NOW)}`;
    const res = await get(m[0]!.tr!.path, cookie);
    expect(res.body).not.toContain(m[0]!.tr!.canary);
    expect(res.body).toContain(m[0]!.tr!.lead);
    expect(res.body).toContain('Okumaya devam etmek için ücretsiz kaydolun');
    expect(res.body).toContain('<h3>Destekçi</h3>');
    expect(res.body).toContain('<li>Etkinliklerimize davetler</li>');
    expect(res.body).toContain('href="/tr/subscribe">Abone ol</a>');
    expect(res.body).toContain(`href="/tr/sign-in?return=${encodeURIComponent(m[0]!.tr!.path)}">Giriş yap</a>`);
  });

  it('a tampered, foreign or empty meter cookie is over the limit, never a fresh meter, and is left as it is', async () => {
    const first = meterOf(await get(m[0]!.en.path))!.pair;
    const [name, value] = first.split('=') as [string, string];
    const [version, payload, signature] = value.split('.') as [string, string, string];
    const flipped = `${name}=${version}.${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}.${signature}`;
    const empty = Buffer.from('[]').toString('base64url');
    const candidates = [
      flipped,
      `${name}=${version}.${empty}.${signature}`, // "no reads yet", with the old signature
      `mh_meter=${encodeMeterCookie([], 'another-site-secret-another-site-secret', NOW)}`,
      'mh_meter=',
      'mh_meter=garbage',
    ];
    for (const cookie of candidates) {
      for (const story of [m[0]!, m[4]!]) {
        const res = await get(story.en.path, cookie);
        expect(res.body, cookie).not.toContain(story.en.canary);
        expect(res.body).toContain('To keep reading, sign in or register for free.');
        expect(meterOf(res), 'a bad cookie is never replaced by a fresh one').toBeNull();
      }
    }
  });

  it('deleting the cookie starts a fresh meter: the documented limit of anonymous metering', async () => {
    const res = await get(m[4]!.en.path);
    expect(res.body).toContain(m[4]!.en.canary);
  });

  it('the window rolls: reads 30 days old no longer count', async () => {
    const old = m.slice(0, 3).map((s) => ({ storyId: s.storyId, firstReadAt: new Date(NOW.getTime() - 10 * DAY) }));
    const cookie = `mh_meter=${encodeMeterCookie(old, site.services.meterSecrets[0]!, new Date(NOW.getTime() - 10 * DAY))}`;
    expect((await get(m[3]!.en.path, cookie)).body).not.toContain(m[3]!.en.canary);
    site.clock.set(new Date(NOW.getTime() + 20 * DAY + 1000));
    try {
      const res = await get(m[3]!.en.path, cookie);
      expect(res.body).toContain(m[3]!.en.canary);
      // The new meter holds only the new read: the expired ones were dropped.
      expect(meterOf(res)).not.toBeNull();
    } finally {
      site.clock.set(NOW);
    }
  });

  it('HEAD neither counts a read nor sets the meter', async () => {
    const res = await get(m[2]!.en.path, undefined, 'HEAD');
    expect(res.statusCode).toBe(200);
    expect(meterOf(res)).toBeNull();
  });

  it('members: a monthly meter counted in the database, the subscribe offer, no meter cookie, never stored', async () => {
    const { memberId, cookie } = await members.signIn('metering@example.org');
    for (const story of m.slice(0, 2)) {
      const res = await get(story.en.path, cookie);
      expect(res.body).toContain(story.en.canary);
      expect(meterOf(res)).toBeNull();
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    expect((await members.monthlyReads(memberId)).sort()).toEqual([m[0]!.storyId, m[1]!.storyId].sort());
    const third = await get(m[2]!.en.path, cookie);
    expect(third.body).not.toContain(m[2]!.en.canary);
    expect(third.body).toContain('data-offer="subscribe"');
    expect(third.body).toContain('You have read this month’s 2 free stories. Subscribe to read on.');
    expect(third.body).toContain('href="/en/subscribe"');
    expect(third.body, 'a signed-in member is not asked to sign in').not.toContain('paywall__sign-in');
    expect(third.body, 'nor offered the free plan they have').not.toContain('<h3>Registered</h3>');
    expect(third.body).toContain('<h3>Supporter</h3>');
    expect(third.headers['cache-control']).toBe('private, no-store');
    // Re-reading is free and not counted again; a HEAD counts nothing either.
    expect((await get(m[0]!.en.path, cookie)).body).toContain(m[0]!.en.canary);
    await get(m[2]!.en.path, cookie, 'HEAD');
    expect(await members.monthlyReads(memberId)).toHaveLength(2);
  });

  it("members: next month's meter starts again", async () => {
    const { cookie } = await members.signIn('next-month@example.org', { readsThisMonth: [m[0]!.storyId, m[1]!.storyId] });
    expect((await get(m[2]!.en.path, cookie)).body).not.toContain(m[2]!.en.canary);
    site.clock.set(new Date('2014-08-01T00:00:01Z'));
    try {
      expect((await get(m[2]!.en.path, cookie)).body).toContain(m[2]!.en.canary);
    } finally {
      site.clock.set(NOW);
    }
  });

  it('registered stories: anonymous readers are asked to register, any member reads on', async () => {
    const story = site.stories.registered;
    const anonymous = await get(story.en.path);
    expect(anonymous.body).not.toContain(story.en.canary);
    expect(anonymous.body).toContain('This story is for registered readers. Registration is free.');
    expect(meterOf(anonymous)).toBeNull();
    expect((await get(story.en.path, (await members.signIn('registered@example.org')).cookie)).body).toContain(story.en.canary);
  });

  it('paid stories: the preview before the break (or the first three blocks), the rest only for subscribers', async () => {
    const { paid, paidNoBreak } = site.stories;
    const anonymous = await get(paid.en.path);
    expect(anonymous.body).toContain(paid.en.lead);
    expect(anonymous.body).toContain('paid second free paragraph.');
    expect(anonymous.body).not.toContain(paid.en.canary);
    expect(anonymous.body).toContain('This story is for subscribers.');
    expect(anonymous.body).toContain('data-offer="subscribe"');
    const noBreak = await get(paidNoBreak.en.path);
    expect(noBreak.body).toContain('<p>Three.</p>');
    expect(noBreak.body).not.toContain(paidNoBreak.en.canary);
    const { cookie: subscriber } = await members.signIn('paying@example.org', {
      subscription: { status: 'active', paidThrough: PAID_THROUGH },
    });
    for (const story of [paid, paidNoBreak]) {
      const res = await get(story.en.path, subscriber);
      expect(res.body).toContain(story.en.canary);
      expect(res.body).not.toContain('class="paywall"');
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    expect(jsonLd(anonymous.body)).toMatchObject({
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywalled-content' },
    });
  });

  it('public stories stay public: shared caching, no meter, free in JSON-LD, no gated part', async () => {
    const res = await get(PUBLIC_STORY, 'mh_meter=garbage');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=1');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(meterOf(res)).toBeNull();
    const ld = jsonLd(res.body) as Record<string, unknown>;
    expect(ld.isAccessibleForFree).toBe(true);
    expect(ld.hasPart).toBeUndefined();
    expect(res.body).toContain('<div class="story__body">');
  });

  it('the meter secret is made once and stored: another process and a restart verify the same cookies', async () => {
    const other = await openServices(site.services.config, site.clock, { migrate: false, env: {} });
    try {
      expect(other.meterSecrets).toEqual(site.services.meterSecrets);
      expect(site.services.meterSecrets[0]!.length).toBeGreaterThanOrEqual(32);
      const app = createHttpApp(other);
      const cookie = meterOf(await get(m[0]!.en.path))!.pair;
      const full = `mh_meter=${encodeMeterCookie(
        m.slice(0, 3).map((s) => ({ storyId: s.storyId, firstReadAt: NOW })),
        site.services.meterSecrets[0]!,
        NOW,
      )}`;
      expect((await app.inject({ url: m[1]!.en.path, headers: { cookie } })).body).toContain(m[1]!.en.canary);
      expect((await app.inject({ url: m[4]!.en.path, headers: { cookie: full } })).body).not.toContain(m[4]!.en.canary);
      await app.close();
    } finally {
      await other.close();
    }
  });

  it('METER_SECRET wins when set (comma-separated to rotate) and the stored secret still verifies; a short one is refused by name', async () => {
    const db = site.services.database.db;
    const stored = site.services.meterSecrets[0]!;
    const next = 'n'.repeat(40);
    expect(await loadMeterSecrets(db, { METER_SECRET: next })).toEqual([next, stored]);
    expect(await loadMeterSecrets(db, { METER_SECRET: `${next}, ${'o'.repeat(32)}` })).toEqual([next, 'o'.repeat(32), stored]);
    const short = loadMeterSecrets(db, { METER_SECRET: 'too-short' });
    await expect(short).rejects.toBeInstanceOf(ConfigError);
    await expect(loadMeterSecrets(db, { METER_SECRET: 'too-short' })).rejects.toThrow(/METER_SECRET/);
  });
});

describe.each(DIALECTS)('gated pages with another members module: identity missed, no plans (%s)', (dialect) => {
  // A members module whose session cookie the site's identity check does not recognize (not mh_…):
  // the route must still never keep a member's page for others. It offers no plans, so the
  // paywall lists the benefits from the catalogs.
  let site: PaywallSite;
  let members: MembersStandIn;
  beforeAll(async () => {
    members = membersStandIn('reader_sess');
    site = await startPaywallSite(dialect, { env: { PAGE_CACHE_SECONDS: '60' }, paywall: () => ({ members }) });
  });
  afterAll(async () => {
    await site?.close();
  });

  it("never serves a subscriber's page to the next anonymous reader", async () => {
    const { paid } = site.stories;
    const subscriber = members.signIn('member-paying', ACTIVE);
    const theirs = await site.app.inject({ url: paid.en.path, headers: { cookie: subscriber } });
    expect(theirs.body).toContain(paid.en.canary);
    expect(theirs.headers['cache-control']).toBe('private, no-store');
    const next = await site.app.inject({ url: paid.en.path });
    expect(next.body).not.toContain(paid.en.canary);
    expect(next.body).toContain('class="paywall"');
  });

  it('without plans, the paywall lists the benefits from the catalogs, in every edition', async () => {
    const { paid } = site.stories;
    const en = (await site.app.inject({ url: paid.en.path })).body;
    for (const benefit of [
      'Every story, including our whole archive',
      'The weekly “Week in Review” email',
      'Invitations to our events',
      'Invite-only briefings with our reporters',
    ]) {
      expect(en).toContain(`<li>${benefit}</li>`);
    }
    expect(en).toContain('<h3>What subscribers get</h3>');
    const tr = (await site.app.inject({ url: paid.tr!.path })).body;
    expect(tr).toContain('<li>Haftalık “Haftanın Özeti” e-postası</li>');
    expect(tr).toContain('Bu haber abonelerimize özeldir.');
    const ar = (await site.app.inject({ url: `/ar${paid.en.path.slice(3)}` })).body;
    expect(ar).toContain('<li>النشرة البريدية الأسبوعية «حصاد الأسبوع»</li>');
    expect(ar).toContain('هذه القصة متاحة للمشتركين فقط.');
    const fa = (await site.app.inject({ url: `/fa${paid.en.path.slice(3)}` })).body;
    expect(fa).toContain('<li>خبرنامهٔ هفتگی «مرور هفته» در ایمیل</li>');
    expect(fa).toContain('href="/fa/subscribe">اشتراک</a>');
  });
});
