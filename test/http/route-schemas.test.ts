/**
 * Boundaries validated by route schemas: the admin API answers a bad input with one JSON error
 * naming the fields, only after the caller is known (401/403 first); the reader site answers a bad
 * path with its localized 404 page and a bad querystring with its 400 page, never with JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { API, asStaff, setUpAdmin, signIn, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

describe.each(DIALECTS)('route schemas (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  let writer: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
    const created = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'wren@example.org',
      name: 'Wren',
      role: 'writer',
      password: 'a long enough password',
    });
    expect(created.statusCode, created.body).toBe(201);
    writer = await signIn(site.app, 'wren@example.org', 'a long enough password');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('a bad body is a 400 naming every bad field, the first in the message and details.field', async () => {
    const res = await asStaff(site.app, admin, 'POST', '/stories', { locale: 'en', title: 42, surprise: true });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_input');
    const paths = (error.details.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'surprise']));
    expect(error.details.field).toBe(paths[0]);
    expect(error.message.startsWith(`${paths[0]}: `)).toBe(true);
  });

  it('a bad query is a 400 naming the parameter', async () => {
    const res = await asStaff(site.app, admin, 'GET', '/stories/calendar?from=not-a-date&to=2026-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ path: 'from', message: expect.any(String) }]);
    const desk = await asStaff(site.app, admin, 'GET', '/translation-desk');
    expect(desk.statusCode).toBe(400);
    expect(desk.json().error.details.field).toBe('locale');
  });

  it('a valid query reaches the handler typed (a page number, dates normalized)', async () => {
    expect((await asStaff(site.app, admin, 'GET', '/audit?page=1')).statusCode).toBe(200);
    expect((await asStaff(site.app, admin, 'GET', '/audit?page=zero')).json().error.details.field).toBe('page');
    const calendar = await asStaff(site.app, admin, 'GET', '/stories/calendar?from=2026-01-01&to=2026-02-01');
    expect(calendar.statusCode, calendar.body).toBe(200);
  });

  it('the caller comes first: no credentials is a 401 and a role without the permission a 403, whatever the input', async () => {
    for (const [method, url] of [
      ['POST', '/stories'],
      ['GET', '/stories/calendar?from=x'],
      ['POST', '/staff'],
      ['GET', '/audit?page=zero'],
      ['POST', '/topics'],
    ] as const) {
      const res = await site.app.inject({ method, url: `${API}${url}`, payload: method === 'POST' ? { nonsense: 1 } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    const staff = await asStaff(site.app, writer, 'POST', '/staff', { nonsense: 1 });
    expect(staff.statusCode).toBe(403);
    const audit = await asStaff(site.app, writer, 'GET', '/audit?page=zero');
    expect(audit.statusCode).toBe(403);
  });

  it('a reader URL whose path fails its schema is the localized 404 page, a bad ?page= the 400 page, never JSON', async () => {
    for (const url of [
      '/tr/2014/13/olive-harvest',
      '/tr/14/07/olive-harvest',
      '/xx/2014/07/olive-harvest',
      '/xx/',
      '/xx/topics/olives',
      '/api/v1/stories/x',
    ]) {
      const res = await site.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const turkish = await site.app.inject({ method: 'GET', url: '/tr/2014/13/olive-harvest' });
    expect(turkish.body).toContain('lang="tr"');
    for (const url of [
      '/tr/?page=0',
      '/tr/?page=abc',
      '/tr/?page=1&page=2',
      '/tr/2014/07/olive-harvest?page=-1',
      '/tr/topics/olives?page=10001',
    ]) {
      const res = await site.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
    }
    expect((await site.app.inject({ method: 'GET', url: '/tr/?page=1' })).statusCode).toBe(200);
  });

  it('member pages too: an unknown edition is their localized 404 page, a missing gift story names nothing', async () => {
    for (const url of [
      '/xx/sign-in',
      '/xx/account',
      '/xx/subscribe',
      '/xx/gift/new?story=s',
      '/tr/gift/new',
      '/tr/gift/new?story=a&story=b',
    ]) {
      const res = await site.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
    }
    expect((await site.app.inject({ method: 'GET', url: '/tr/sign-in?return=/tr/&return=/en/' })).statusCode).toBe(200);
  });
});
