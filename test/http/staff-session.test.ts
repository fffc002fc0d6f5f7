import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { ADMIN, API, asStaff, setCookieHeader, setUpAdmin, signIn, staffCookie, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const tokenOf = (cookie: string) => cookie.slice('mh_staff='.length);

describe.each(DIALECTS)('staff sessions (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
  });
  afterAll(async () => {
    await site?.close();
  });
  const inject = (options: InjectOptions) => site.app.inject(options);

  it('offers first-run setup once, then answers 409', async () => {
    expect((await inject({ method: 'GET', url: `${API}/setup` })).json()).toEqual({ needed: true });
    const res = await inject({ method: 'POST', url: `${API}/setup`, payload: { ...ADMIN, email: '  Ada@Example.org ' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.staff).toEqual({
      id: expect.any(String),
      email: ADMIN.email,
      name: ADMIN.name,
      role: 'admin',
      locales: [],
      createdAt: NOW.toISOString(),
      status: 'active',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(staffCookie(res)).toMatch(/^mh_staff=[\w-]{43}$/);
    admin = { cookie: staffCookie(res) as string, csrf: body.csrfToken, staff: body.staff };

    const again = await inject({
      method: 'POST',
      url: `${API}/setup`,
      payload: { email: 'eve@example.org', name: 'Eve', password: 'another long password' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect((await inject({ method: 'GET', url: `${API}/setup` })).json()).toEqual({ needed: false });
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ and Secure on an https site', async () => {
    const res = await inject({ method: 'POST', url: `${API}/session`, payload: { email: ADMIN.email, password: ADMIN.password } });
    expect(res.statusCode).toBe(200);
    const attributes = setCookieHeader(res).split('; ').slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure', `Max-Age=${30 * 24 * 3600}`]));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('stores only a SHA-256 digest of the session token', async () => {
    const token = tokenOf(admin.cookie);
    const rows = await site.services.database.db.selectFrom('staff_sessions').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).toContain(sha256(token));
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(token);
  });

  it('answers GET /session with the staff member and CSRF token, or 401', async () => {
    const res = await inject({ method: 'GET', url: `${API}/session`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ staff: admin.staff, csrfToken: admin.csrf });
    const anonymous = await inject({ method: 'GET', url: `${API}/session` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    const forged = await inject({ method: 'GET', url: `${API}/session`, headers: { cookie: 'mh_staff=not-a-real-token' } });
    expect(forged.statusCode).toBe(401);
  });

  it('gives the same 401 for an unknown email and a wrong password, and accepts any letter case', async () => {
    const wrong = await inject({ method: 'POST', url: `${API}/session`, payload: { email: ADMIN.email, password: 'not the password' } });
    const unknown = await inject({
      method: 'POST',
      url: `${API}/session`,
      payload: { email: 'nobody@example.org', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(staffCookie(wrong)).toBeNull();
    const upper = await signIn(site.app, 'ADA@EXAMPLE.ORG', ADMIN.password);
    expect(upper.staff.id).toBe(admin.staff.id);
  });

  it('names the bad field of an invalid body and refuses bodies over 64 KB', async () => {
    const bad = await inject({ method: 'POST', url: `${API}/session`, payload: { email: 'not an email', password: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'email' } });
    const extra = await inject({ method: 'POST', url: `${API}/setup`, payload: { ...ADMIN, role: 'admin' } });
    expect(extra.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'role' } });
    const huge = await inject({ method: 'POST', url: `${API}/session`, payload: { email: ADMIN.email, password: 'x'.repeat(70_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('refuses a cookie write without the right x-csrf-token, and accepts it with the token', async () => {
    const payload = { email: 'wendy@example.org', name: 'Wendy Writer', role: 'writer', password: 'a long enough password' };
    const none = await inject({ method: 'POST', url: `${API}/staff`, headers: { cookie: admin.cookie }, payload });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'csrf' } });
    const wrong = await inject({
      method: 'POST',
      url: `${API}/staff`,
      headers: { cookie: admin.cookie, 'x-csrf-token': `${admin.csrf}x` },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.details.reason).toBe('csrf');
    const other = await signIn(site.app, ADMIN.email, ADMIN.password);
    const crossed = await inject({
      method: 'POST',
      url: `${API}/staff`,
      headers: { cookie: admin.cookie, 'x-csrf-token': other.csrf },
      payload,
    });
    expect(crossed.statusCode).toBe(403);
    const ok = await asStaff(site.app, admin, 'POST', '/staff', payload);
    expect(ok.statusCode).toBe(201);
    const logout = await inject({ method: 'DELETE', url: `${API}/session`, headers: { cookie: admin.cookie } });
    expect(logout.statusCode).toBe(403);
  });

  it('keeps a session alive while used (30 days after the last use), not beyond', async () => {
    const session = await signIn(site.app, ADMIN.email, ADMIN.password);
    const get = () => inject({ method: 'GET', url: `${API}/session`, headers: { cookie: session.cookie } });
    try {
      site.clock.set(new Date(NOW.getTime() + 20 * DAY));
      const renewed = await get();
      expect(renewed.statusCode).toBe(200);
      expect(staffCookie(renewed)).toBe(session.cookie);
      site.clock.set(new Date(NOW.getTime() + 40 * DAY));
      expect((await get()).statusCode).toBe(200);
      site.clock.set(new Date(NOW.getTime() + 71 * DAY));
      const expired = await get();
      expect(expired.statusCode).toBe(401);
      expect(setCookieHeader(expired)).toContain('Max-Age=0');
    } finally {
      site.clock.set(NOW);
    }
  });

  it('signs out (cookie cleared, token dead) and signs out everywhere', async () => {
    const one = await signIn(site.app, ADMIN.email, ADMIN.password);
    const out = await asStaff(site.app, one, 'DELETE', '/session');
    expect(out.statusCode).toBe(204);
    expect(setCookieHeader(out)).toMatch(/^mh_staff=; Path=\/; Max-Age=0; /);
    expect((await asStaff(site.app, one, 'GET', '/session')).statusCode).toBe(401);

    const laptop = await signIn(site.app, ADMIN.email, ADMIN.password);
    const phone = await signIn(site.app, ADMIN.email, ADMIN.password);
    const everywhere = await asStaff(site.app, phone, 'POST', '/session/sign-out-everywhere');
    expect(everywhere.statusCode).toBe(204);
    expect((await asStaff(site.app, laptop, 'GET', '/session')).statusCode).toBe(401);
    expect((await asStaff(site.app, phone, 'GET', '/session')).statusCode).toBe(401);
    expect((await asStaff(site.app, admin, 'GET', '/session')).statusCode).toBe(401);
    const left = await site.services.database.db.selectFrom('staff_sessions').select('id').where('staff_id', '=', admin.staff.id).execute();
    expect(left).toEqual([]);
  });
});

describe.each(DIALECTS)('staff session cookie on a plain-http site (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(dialect, { PUBLIC_URL: 'http://localhost:3000' });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('leaves Secure off when PUBLIC_URL is http', async () => {
    const admin = await setUpAdmin(site.app);
    expect(admin.cookie).toMatch(/^mh_staff=/);
    const res = await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email: ADMIN.email, password: ADMIN.password } });
    const attributes = setCookieHeader(res).split('; ');
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(attributes).not.toContain('Secure');
  });
});
