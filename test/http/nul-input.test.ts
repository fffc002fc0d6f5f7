import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { cameraJpeg, multipart } from '../support/media-samples.js';
import { API, asStaff, setUpAdmin, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/** NUL wherever it can hide in a value: alone, leading, inside, trailing, next to non-ASCII text. */
const NUL_VALUES = ['\u0000', '\u0000abc', 'ab\u0000c', 'abc\u0000', 'ölçü\u0000', 'خبر\u0000خبر'];
const encoded = (value: string) => encodeURIComponent(value);

describe.each(DIALECTS)('NUL characters are refused at the boundary (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('answers readers a localized 400 page for NUL in story, topic, section and author URLs and queries', async () => {
    const routes: Array<[string, (v: string) => string]> = [
      ['en', (v) => `/en/2014/07/${encoded(v)}`],
      ['tr', (v) => `/tr/2014/07/limanda-balik${encoded(v)}`],
      ['en', (v) => `/en/topics/${encoded(v)}`],
      ['en', (v) => `/en/sections/economy${encoded(v)}`],
      ['ar', (v) => `/ar/authors/${encoded(v)}`],
      ['en', (v) => `/en?q=${encoded(v)}`],
      ['fa', (v) => `/fa/sections/economy?page=${encoded(v)}`],
      ['en', (v) => `/en/sign-in?return=${encoded(`/en/${v}`)}`],
    ];
    for (const [locale, url] of routes) {
      for (const value of NUL_VALUES) {
        const res = await site.app.inject({ method: 'GET', url: url(value) });
        expect([400, 404], `${url(value)} → ${res.statusCode}`).toContain(res.statusCode);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain(`<html lang="${locale}"`);
        expect(res.headers['content-security-policy']).toBeDefined();
      }
    }
  });

  it('answers the admin API 400 with the JSON error shape for NUL in titles, slugs, nested text, keys and ?q=', async () => {
    for (const value of NUL_VALUES) {
      const bodies = [
        { locale: 'en', title: value, body: paragraphs('Text.') },
        { locale: 'en', title: 'Fine title', slug: value, body: paragraphs('Text.') },
        { locale: 'en', title: 'Fine title', dek: value, body: paragraphs('Text.') },
        { locale: 'en', title: 'Fine title', body: paragraphs(value) },
        { locale: 'en', title: 'Fine title', body: paragraphs('Text.'), [value]: 'x' },
      ];
      for (const body of bodies) {
        const res = await asStaff(site.app, admin, 'POST', '/stories', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'body', reason: 'nul' } } });
      }
      for (const path of [`/stories?q=${encoded(value)}`, `/topics?q=${encoded(value)}`, `/translations/${encoded(value)}`]) {
        const res = await asStaff(site.app, admin, 'GET', path);
        expect(res.statusCode, path).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'url' } } });
      }
    }
  });

  it('answers 400 with the JSON error shape for NUL in the text fields and field names of an image upload, storing nothing', async () => {
    const jpeg = await cameraJpeg(64, 48);
    const images = async () =>
      Number(
        (
          await site.services.database.db
            .selectFrom('images')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await images();
    for (const value of NUL_VALUES) {
      const variants: Record<string, string>[] = [
        { locale: 'en', alt: value },
        { locale: 'en', alt: 'Crane', caption: value },
        { locale: 'en', alt: 'Crane', creditAgency: value },
        { locale: 'en', alt: 'Crane', [value]: 'x' },
      ];
      for (const fields of variants) {
        const { payload, headers } = await multipart(fields, { bytes: jpeg, filename: 'crane.jpg', type: 'image/jpeg' });
        const res = await site.app.inject({
          method: 'POST',
          url: `${API}/media`,
          payload,
          headers: { ...headers, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        });
        expect(res.statusCode, JSON.stringify(fields)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'body', reason: 'nul' } } });
      }
    }
    expect(await images()).toBe(before);
  });

  it('refuses NUL in a member form with the localized 400 page', async () => {
    for (const value of NUL_VALUES) {
      const res = await site.app.inject({
        method: 'POST',
        url: '/tr/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email: `reader${value}@example.org`, csrf: 'x' }).toString(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<html lang="tr"');
    }
  });
});
