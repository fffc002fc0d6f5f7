import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { API, asStaff, setUpAdmin, signIn, withKey, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

interface AuditItem {
  actor: { staffId: string | null; name: string; apiKeyId: string | null };
  action: string;
  subject: { kind: string; id: string };
  details: Record<string, unknown>;
}

describe.each(DIALECTS)('staff, API keys and audit (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  let writerId: string;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
  });
  afterAll(async () => {
    await site?.close();
  });
  const audit = async (): Promise<AuditItem[]> => (await asStaff(site.app, admin, 'GET', '/audit')).json().items;

  it('lets an admin add staff; the answer never carries the password hash', async () => {
    const res = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'Wendy@Example.org',
      name: 'Wendy Writer',
      role: 'writer',
      password: 'writer password 1',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      email: 'wendy@example.org',
      name: 'Wendy Writer',
      role: 'writer',
      locales: [],
      createdAt: NOW.toISOString(),
      status: 'active',
    });
    writerId = res.json().id;
    const translator = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'tariq@example.org',
      name: 'Tariq',
      role: 'translator',
      locales: ['tr', 'ar', 'tr'],
      password: 'translator password',
    });
    expect(translator.json().locales).toEqual(['tr', 'ar']);
    const list = await asStaff(site.app, admin, 'GET', '/staff');
    expect(
      list
        .json()
        .items.map((s: { email: string }) => s.email)
        .sort(),
    ).toEqual(['ada@example.org', 'tariq@example.org', 'wendy@example.org']);
    expect(list.body).not.toMatch(/scrypt|password/i);
  });

  it('refuses a duplicate email (409) and a bad role (400 naming the field)', async () => {
    const dup = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'WENDY@example.org',
      name: 'Other',
      role: 'writer',
      password: 'long enough pass',
    });
    expect(dup.statusCode).toBe(409);
    const bad = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'x@example.org',
      name: 'X',
      role: 'chief',
      password: 'long enough pass',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'role' } });
  });

  it('keeps staff management to admins: 401 anonymous, 403 for a writer', async () => {
    expect((await site.app.inject({ method: 'GET', url: `${API}/staff` })).statusCode).toBe(401);
    const writer = await signIn(site.app, 'wendy@example.org', 'writer password 1');
    for (const [method, path] of [
      ['GET', '/staff'],
      ['GET', '/api-keys'],
      ['GET', '/audit'],
      ['POST', '/api-keys'],
    ] as const) {
      const res = await asStaff(site.app, writer, method, path, method === 'POST' ? { name: 'k', role: 'admin' } : undefined);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const escalate = await asStaff(site.app, writer, 'PATCH', `/staff/${writerId}`, { role: 'admin' });
    expect(escalate.statusCode).toBe(403);
  });

  it('changes a role (effective at once for open sessions) and audits it', async () => {
    const writer = await signIn(site.app, 'wendy@example.org', 'writer password 1');
    const res = await asStaff(site.app, admin, 'PATCH', `/staff/${writerId}`, { role: 'editor', name: 'Wendy Editor' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: writerId, role: 'editor', name: 'Wendy Editor' });
    expect((await asStaff(site.app, writer, 'GET', '/session')).json().staff.role).toBe('editor');
    const entries = await audit();
    expect(entries).toContainEqual({
      id: expect.any(String),
      at: NOW.toISOString(),
      actor: { staffId: admin.staff.id, name: 'Ada Admin', apiKeyId: null },
      action: 'staff.roleChange',
      subject: { kind: 'staff', id: writerId },
      details: { from: 'writer', to: 'editor' },
    });
    expect(entries.find((e) => e.action === 'staff.update')?.details).toEqual({ name: { from: 'Wendy Writer', to: 'Wendy Editor' } });
    expect((await asStaff(site.app, admin, 'PATCH', '/staff/nobody', { role: 'writer' })).statusCode).toBe(404);
  });

  it('never demotes the last admin', async () => {
    const res = await asStaff(site.app, admin, 'PATCH', `/staff/${admin.staff.id}`, { role: 'editor' });
    expect(res.statusCode).toBe(409);
    expect((await asStaff(site.app, admin, 'GET', '/session')).json().staff.role).toBe('admin');
  });

  it('creates an API key shown once, stored hashed, usable as Bearer without CSRF, revocable (401 after)', async () => {
    const created = await asStaff(site.app, admin, 'POST', '/api-keys', { name: 'Wire importer', role: 'admin' });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(secret).toMatch(/^mh_live_[\w-]{43}$/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: 'Wire importer',
      role: 'admin',
      createdAt: NOW.toISOString(),
      revokedAt: null,
      lastUsedAt: null,
      prefix: secret.slice(0, 14),
    });
    const listed = await asStaff(site.app, admin, 'GET', '/api-keys');
    expect(listed.body).not.toContain(secret);
    const row = await site.services.database.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);

    expect((await withKey(site.app, secret, 'GET', '/staff')).statusCode).toBe(200);
    const added = await withKey(site.app, secret, 'POST', '/staff', {
      email: 'bot-made@example.org',
      name: 'Made By Key',
      role: 'contributor',
      password: 'contributor pass',
    });
    expect(added.statusCode).toBe(201);
    expect((await asStaff(site.app, admin, 'GET', '/api-keys')).json().items[0].lastUsedAt).toBe(NOW.toISOString());
    expect((await withKey(site.app, secret, 'GET', '/session')).statusCode).toBe(401);

    expect((await asStaff(site.app, admin, 'DELETE', `/api-keys/${apiKey.id}`)).statusCode).toBe(204);
    const refused = await withKey(site.app, secret, 'GET', '/staff');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('unauthorized');
    expect((await asStaff(site.app, admin, 'GET', '/api-keys')).json().items[0].revokedAt).toBe(NOW.toISOString());
    expect((await asStaff(site.app, admin, 'DELETE', '/api-keys/unknown')).statusCode).toBe(404);

    const entries = await audit();
    const byAction = (action: string) => entries.filter((e) => e.action === action && e.subject.id === apiKey.id);
    expect(byAction('apiKey.create')).toEqual([
      expect.objectContaining({
        actor: { staffId: admin.staff.id, name: 'Ada Admin', apiKeyId: null },
        details: { name: 'Wire importer', role: 'admin' },
      }),
    ]);
    expect(byAction('apiKey.revoke')).toHaveLength(1);
    expect(entries.find((e) => e.action === 'staff.create' && e.details.email === 'bot-made@example.org')?.actor).toEqual({
      staffId: null,
      name: 'Wire importer',
      apiKeyId: apiKey.id,
    });
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('scopes a key to its role: an editor key cannot manage staff', async () => {
    const { secret } = (await asStaff(site.app, admin, 'POST', '/api-keys', { name: 'Desk bot', role: 'editor' })).json();
    const res = await withKey(site.app, secret, 'GET', '/staff');
    expect(res.statusCode).toBe(403);
    expect((await withKey(site.app, 'mh_live_made-up', 'GET', '/staff')).statusCode).toBe(401);
  });

  it('pages the audit log, newest first', async () => {
    site.clock.set(new Date(NOW.getTime() + 60_000));
    try {
      await asStaff(site.app, admin, 'POST', '/api-keys', { name: 'Latest key', role: 'writer' });
    } finally {
      site.clock.set(NOW);
    }
    const body = (await asStaff(site.app, admin, 'GET', '/audit?page=1')).json();
    expect(body).toMatchObject({ page: 1, pageSize: 50 });
    expect(body.total).toBe(body.items.length);
    expect(body.items[0]).toMatchObject({ action: 'apiKey.create', details: { name: 'Latest key' } });
    const times: string[] = body.items.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(body.items.map((e: AuditItem) => e.action)).toContain('setup.complete');
    expect((await asStaff(site.app, admin, 'GET', '/audit?page=2')).json().items).toEqual([]);
    expect((await asStaff(site.app, admin, 'GET', '/audit?page=0')).statusCode).toBe(400);
  });
});
