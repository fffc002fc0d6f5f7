/**
 * Members see where they stand (issue #10, item 9): the header names a signed-in member and links
 * their account, on pages sent to them alone; a metered reader is told how many free stories are
 * left, in the edition's language, and readers with different counts never share a kept page; the
 * wall of a registration-only story offers a free registration beside Subscribe. Both databases,
 * the page cache on, the real members module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMeterCookie } from '../../src/modules/paywall/index.js';
import { DIALECTS } from '../support/databases.js';
import { setCookie, startPaywallSite, type LeakStory, type PaywallSite } from '../leak/leak-site.js';
import { testMembers } from '../leak/members.js';

const DAY = 86_400_000;
const PUBLIC_STORY = '/en/2014/07/harbour-fish-prices-climb';

describe.each(DIALECTS)('members see where they stand (%s)', (dialect) => {
  let site: PaywallSite;
  let m: LeakStory[];
  beforeAll(async () => {
    site = await startPaywallSite(dialect, { env: { PAGE_CACHE_SECONDS: '60' } });
    m = site.stories.metered;
  });
  afterAll(async () => {
    await site?.close();
  });

  const get = (url: string, cookie?: string) => site.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  /** A meter cookie holding these stories, read yesterday, the day before... */
  const meterWith = (stories: readonly LeakStory[]) =>
    `mh_meter=${encodeMeterCookie(
      stories.map((s, i) => ({ storyId: s.storyId, firstReadAt: new Date(site.clock.now().getTime() - (i + 1) * DAY) })),
      site.services.meterSecrets[0] as string,
      site.clock.now(),
    )}`;
  const text = (html: string) => html.replace(/\s+/g, ' ');

  it('the header names a signed-in member with a link to their account, on listings, stories and the account page', async () => {
    const { cookie } = await testMembers(site.services).signIn('ada.reader@example.org');
    for (const url of ['/en/', `/en/sections/${m[0]!.sectionSlug}`, PUBLIC_STORY, site.stories.paid.en.path, '/en/account']) {
      const res = await get(url, cookie);
      expect(res.statusCode, url).toBe(200);
      expect(text(res.body), url).toContain('Signed in as ada.reader@example.org');
      expect(res.body, url).toMatch(/<a class="reader-links__account" href="\/en\/account">\s*Your account\s*<\/a>/);
      expect(res.headers['cache-control'], url).toBe(url === '/en/account' ? 'no-store' : 'private, no-store');
    }
    // In Turkish too.
    const tr = await get('/tr/', cookie);
    expect(text(tr.body)).toContain('Oturum açık: ada.reader@example.org');
    expect(tr.body).toMatch(/href="\/tr\/account">\s*Hesabınız\s*</);
  });

  it('an anonymous reader gets the shared header (Subscribe, Account) on a public, cacheable page', async () => {
    for (const url of ['/en/', PUBLIC_STORY]) {
      const res = await get(url);
      expect(res.body, url).not.toContain('Signed in as');
      expect(res.body, url).not.toContain('reader-links__member');
      expect(res.body, url).toMatch(/href="\/en\/account">\s*Account\s*</);
      expect(res.headers['cache-control'], url).toMatch(/^public, max-age=0, must-revalidate, s-maxage=\d+/);
    }
    // A session cookie that no longer signs anyone in changes nothing on the page.
    expect((await get('/en/', 'mh_member=not-a-session')).body).not.toContain('Signed in as');
  });

  it('a metered reader is told how many free stories are left this month, before the story, in English and Turkish', async () => {
    const first = await get(m[1]!.en.path);
    expect(first.body).toContain(m[1]!.en.canary);
    expect(first.body).toMatch(/<p class="meter-note" role="note">You have 2 free stories left this month\.<\/p>/);
    expect(first.body.indexOf('meter-note')).toBeLessThan(first.body.indexOf(m[1]!.en.canary));
    expect(first.headers['cache-control']).toBe('private, max-age=0');

    const second = await get(m[2]!.en.path, setCookie(first.headers, 'mh_meter')!.pair);
    expect(second.body).toContain('You have 1 free story left this month.');

    const tr = await get(m[0]!.tr!.path);
    expect(tr.body).toContain(m[0]!.tr!.canary);
    expect(tr.body).toContain('Bu ay 2 ücretsiz haber hakkınız kaldı.');

    // A re-read is free: the count stays where it was.
    expect((await get(m[1]!.en.path, meterWith([m[1]!]))).body).toContain('You have 2 free stories left this month.');
    // A member counts their own monthly meter.
    const { cookie } = await testMembers(site.services).signIn('meter.reader@example.org', { readsThisMonth: [m[3]!.storyId] });
    expect((await get(m[4]!.en.path, cookie)).body).toContain('You have 8 free stories left this month.');
    // Nothing is said on a story the meter does not apply to.
    expect((await get(PUBLIC_STORY)).body).not.toContain('meter-note');
  });

  it('the count is part of the kept page: readers with different meters never get each other’s page from the cache', async () => {
    const story = m[4]!.en.path;
    // Twice each, so the second answer comes from the page cache's access class.
    for (let i = 0; i < 2; i++) {
      expect((await get(story)).body).toContain('You have 2 free stories left this month.');
      expect((await get(story, meterWith([m[0]!]))).body).toContain('You have 1 free story left this month.');
      expect((await get(story, meterWith([m[0]!, m[1]!]))).body).toContain('That was your last free story this month.');
    }
  });

  it('the wall of a registration-only story offers Register (free), to the sign-in page and back, beside Subscribe', async () => {
    const story = site.stories.registered;
    const res = await get(story.en.path);
    expect(res.body).not.toContain(story.en.canary);
    expect(res.body).toContain('data-offer="register"');
    const register = `<a class="paywall__button paywall__register" href="/en/sign-in?return=${encodeURIComponent(story.en.path)}"`;
    expect(res.body).toContain(register);
    expect(res.body).toMatch(/paywall__register"[^>]*>\s*Register \(free\)\s*<\/a\s*>\s*<a class="paywall__button paywall__subscribe"/);
    // The sign-in page it leads to makes the free account.
    const signIn = await get(`/en/sign-in?return=${encodeURIComponent(story.en.path)}`);
    expect(text(signIn.body)).toContain('creates your free account');
    // A paid story's wall asks to subscribe only.
    expect((await get(site.stories.paid.en.path)).body).not.toContain('paywall__register');
    // Turkish.
    const tr = await get(`/tr${story.en.path.slice(3)}`);
    expect(tr.body).toMatch(/paywall__register"[^>]*>\s*Kayıt olun \(ücretsiz\)\s*</);
  });
});
