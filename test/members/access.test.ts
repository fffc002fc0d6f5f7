import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { text } from '../support/html-probe.js';
import { API, asStaff, setUpAdmin, signIn as staffSignIn, type StaffSession } from '../support/staff.js';
import { Browser, csrfIn, signIn, startMembersSite, type MembersSite } from './member-kit.js';

const DAY = 86_400_000;
const STORY_PATH = '/en/2014/07/harbour-fish-prices-climb';

describe.each(DIALECTS)('complimentary access and gift links (%s)', (dialect) => {
  let ms: MembersSite;
  let admin: StaffSession;
  let storyId: string;
  beforeAll(async () => {
    ms = await startMembersSite(dialect, { payments: true });
    admin = await setUpAdmin(ms.site.app);
    storyId = ms.site.fixture.translated.storyId;
    await ms.site.services.database.db.updateTable('stories').set({ access_level: 'paid' }).where('id', '=', storyId).execute();
  });
  afterAll(async () => {
    await ms?.close();
  });
  const grants = '/members/complimentary-grants';

  it('staff grant complimentary access through the admin API; resolveReader returns it', async () => {
    const browser = new Browser(ms.site.app);
    await signIn(ms, browser, 'press@example.org');
    expect((await ms.api.resolveReader(browser.cookieHeader, NOW)).reader).toMatchObject({ complimentary: null });

    const until = new Date(NOW.getTime() + 30 * DAY).toISOString();
    const res = await asStaff(ms.site.app, admin, 'POST', grants, { email: 'Press@Example.org', until, note: 'Press pass' });
    expect(res.statusCode).toBe(201);
    expect(res.json().grant).toMatchObject({ until, grantedBy: admin.staff.id, note: 'Press pass', revokedAt: null });
    expect((await ms.api.resolveReader(browser.cookieHeader, NOW)).reader).toMatchObject({
      kind: 'member',
      complimentary: { until: new Date(until) },
    });
    expect(text((await browser.get('/en/account')).body)).toContain('You have complimentary access until');

    const listed = await asStaff(ms.site.app, admin, 'GET', `${grants}?email=press@example.org`);
    expect(listed.json().grants).toHaveLength(1);
    const revoked = await asStaff(ms.site.app, admin, 'DELETE', `${grants}/${res.json().grant.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await ms.api.resolveReader(browser.cookieHeader, NOW)).reader).toMatchObject({ complimentary: null });
    expect((await asStaff(ms.site.app, admin, 'DELETE', `${grants}/${res.json().grant.id}`)).statusCode).toBe(404);

    const open = await asStaff(ms.site.app, admin, 'POST', grants, { email: 'press@example.org', until: null });
    expect(open.statusCode).toBe(201);
    expect((await ms.api.resolveReader(browser.cookieHeader, NOW)).reader).toMatchObject({ complimentary: { until: null } });
  });

  it('refuses grants to unknown members, bad input, other roles and anonymous callers', async () => {
    expect((await asStaff(ms.site.app, admin, 'POST', grants, { email: 'nobody@example.org' })).statusCode).toBe(404);
    const bad = await asStaff(ms.site.app, admin, 'POST', grants, { email: 'press@example.org', until: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_input');
    const past = await asStaff(ms.site.app, admin, 'POST', grants, { email: 'press@example.org', until: '2000-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);

    const created = await asStaff(ms.site.app, admin, 'POST', '/staff', {
      email: 'ed@example.org',
      name: 'Ed Editor',
      role: 'editor',
      password: 'editor password 1',
    });
    expect(created.statusCode).toBe(201);
    const editor = await staffSignIn(ms.site.app, 'ed@example.org', 'editor password 1');
    expect((await asStaff(ms.site.app, editor, 'POST', grants, { email: 'press@example.org' })).statusCode).toBe(403);
    expect((await ms.site.app.inject({ method: 'POST', url: `${API}${grants}`, payload: { email: 'press@example.org' } })).statusCode).toBe(
      401,
    );
  });

  it('a subscriber’s gift link opens a paid story for N browsers, then is exhausted, and expires', async () => {
    // Without paid access there is nothing to give.
    const reader = new Browser(ms.site.app);
    await signIn(ms, reader, 'free-reader@example.org');
    const refused = await reader.get(`/en/gift/new?story=${storyId}`);
    expect(refused.statusCode).toBe(403);
    expect(text(refused.body)).toContain('Gift links are for subscribers');

    const sharer = new Browser(ms.site.app);
    await signIn(ms, sharer, 'sharer@example.org');
    const plans = await sharer.get('/en/subscribe');
    const checkout = await sharer.post('/en/subscribe', { csrf: csrfIn(plans.body), plan: 'supporter', interval: 'monthly' });
    await ms.standIn!.completeCheckout(/cs_test_\w+/.exec(String(checkout.headers.location))![0]);

    const publicStory = ms.site.fixture.untranslated.storyId;
    expect((await sharer.get(`/en/gift/new?story=${publicStory}`)).statusCode).toBe(400);
    const confirm = await sharer.get(`/en/gift/new?story=${storyId}`);
    expect(confirm.statusCode).toBe(200);
    expect(text(confirm.body)).toContain('Harbour fish prices climb');
    const created = await sharer.post('/en/gift/new', { csrf: csrfIn(confirm.body), story: storyId });
    expect(created.statusCode).toBe(201);
    const url = /value="(https:\/\/news\.example\.org\/en\/gift\/[\w-]{43})"/.exec(created.body)![1]!;
    const giftPath = url.replace('https://news.example.org', '');

    // The sharer checking their own link spends nothing; nor does a link preview (GET).
    expect((await sharer.post(giftPath, { csrf: csrfIn((await sharer.get(giftPath)).body) })).headers.location).toBe(STORY_PATH);
    const recipients: Browser[] = [];
    for (let i = 0; i < 5; i++) {
      const browser = new Browser(ms.site.app);
      const landing = await browser.get(giftPath);
      expect(landing.statusCode).toBe(200);
      expect(text(landing.body)).toContain('A subscriber shared “Harbour fish prices climb” with you');
      const res = await browser.post(giftPath, { csrf: csrfIn(landing.body) });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(STORY_PATH);
      expect(browser.cookies.get('mh_gift')).toMatch(/^[\w-]{43}$/);
      expect(await ms.api.giftFor(browser.cookieHeader, storyId, NOW)).toEqual({
        storyId,
        expiresAt: new Date(NOW.getTime() + DAY),
        usesRemaining: 1,
      });
      recipients.push(browser);
    }
    // A holder coming back spends no use.
    const back = recipients[0]!;
    expect((await back.post(giftPath, { csrf: csrfIn((await back.get(giftPath)).body) })).statusCode).toBe(303);

    const late = new Browser(ms.site.app);
    const exhausted = await late.get(giftPath);
    expect(exhausted.statusCode).toBe(410);
    expect(text(exhausted.body)).toContain('This gift link has been used up');
    expect(await ms.api.giftFor(late.cookieHeader, storyId, NOW)).toBeNull();
    const gifts = await ms.site.services.database.db.selectFrom('gift_links').select(['uses_left']).execute();
    expect(gifts).toEqual([{ uses_left: 0 }]);
    // A gift is for its story only.
    expect(await ms.api.giftFor(back.cookieHeader, publicStory, NOW)).toBeNull();

    try {
      ms.site.clock.set(new Date(NOW.getTime() + 7 * DAY));
      const expired = await new Browser(ms.site.app).get(giftPath);
      expect(expired.statusCode).toBe(410);
      expect(text(expired.body)).toContain('This gift link has expired');
      expect(await ms.api.giftFor(back.cookieHeader, storyId, ms.site.clock.now())).toBeNull();
    } finally {
      ms.site.clock.set(NOW);
    }
    expect((await new Browser(ms.site.app).get('/en/gift/not-a-token')).statusCode).toBe(404);
  });

  it('a redeemed gift opens the story for a day only: a copied cookie stops working with the original', async () => {
    const sharer = new Browser(ms.site.app);
    await signIn(ms, sharer, 'copy-sharer@example.org');
    const plans = await sharer.get('/en/subscribe');
    const checkout = await sharer.post('/en/subscribe', { csrf: csrfIn(plans.body), plan: 'supporter', interval: 'monthly' });
    await ms.standIn!.completeCheckout(/cs_test_\w+/.exec(String(checkout.headers.location))![0]);
    const confirm = await sharer.get(`/en/gift/new?story=${storyId}`);
    const created = await sharer.post('/en/gift/new', { csrf: csrfIn(confirm.body), story: storyId });
    const giftPath = /value="https:\/\/news\.example\.org(\/en\/gift\/[\w-]{43})"/.exec(created.body)![1]!;

    const recipient = new Browser(ms.site.app);
    const landing = await recipient.get(giftPath);
    expect(text(landing.body)).toContain('on this device for 24 hours');
    const redeemed = await recipient.post(giftPath, { csrf: csrfIn(landing.body) });
    expect(redeemed.headers['set-cookie']).toEqual(expect.arrayContaining([expect.stringMatching(/^mh_gift=[\w-]{43}; .*Max-Age=86400/)]));
    // The same cookie copied into any number of other clients, at any time until the link expires.
    const copies = Array.from({ length: 20 }, () => `mh_gift=${recipient.cookies.get('mh_gift')}`);
    const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
    try {
      for (const hours of [0, 12, 23.9]) {
        ms.site.clock.set(at(hours));
        for (const cookie of [recipient.cookieHeader, ...copies]) expect(await ms.api.giftFor(cookie, storyId, at(hours))).not.toBeNull();
      }
      for (const hours of [24, 25, 72, 6 * 24]) {
        ms.site.clock.set(at(hours));
        for (const cookie of [recipient.cookieHeader, ...copies]) expect(await ms.api.giftFor(cookie, storyId, at(hours))).toBeNull();
      }
      // The recipient may come back while the link lasts: that is one more use.
      ms.site.clock.set(at(48));
      const again = await recipient.get(giftPath);
      expect((await recipient.post(giftPath, { csrf: csrfIn(again.body) })).statusCode).toBe(303);
      expect(await ms.api.giftFor(recipient.cookieHeader, storyId, at(48))).toEqual({ storyId, expiresAt: at(72), usesRemaining: 1 });
      const uses = await ms.site.services.database.db
        .selectFrom('gift_links as g')
        .innerJoin('members as m', 'm.id', 'g.created_by')
        .select('g.uses_left')
        .where('m.email', '=', 'copy-sharer@example.org')
        .executeTakeFirstOrThrow();
      expect(uses.uses_left).toBe(3);
      // Near the link's end, a redemption ends with the link.
      ms.site.clock.set(at(7 * 24 - 2));
      const late = new Browser(ms.site.app);
      await late.post(giftPath, { csrf: csrfIn((await late.get(giftPath)).body) });
      expect(await ms.api.giftFor(late.cookieHeader, storyId, at(7 * 24 - 2))).toEqual({
        storyId,
        expiresAt: at(7 * 24),
        usesRemaining: 1,
      });
    } finally {
      ms.site.clock.set(NOW);
    }
  });
});
