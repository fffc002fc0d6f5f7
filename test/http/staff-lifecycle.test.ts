import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/modules/newsroom/index.js';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { API, asStaff, setUpAdmin, signIn, withKey, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

interface AuditItem {
  actor: { staffId: string | null; name: string; apiKeyId: string | null };
  action: string;
  subject: { kind: string; id: string };
  details: Record<string, unknown>;
}

const LOWER_ROLES = ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin');

describe.each(DIALECTS)('staff lifecycle: keys and sessions follow their owner (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  let n = 0;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
  });
  afterAll(async () => {
    await site?.close();
  });

  async function addStaff(role: Role, password = 'a long enough password') {
    const email = `person${++n}@example.org`;
    const res = await asStaff(site.app, admin, 'POST', '/staff', { email, name: `Person ${n}`, role, locales: ['tr'], password });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, name: `Person ${n}`, email, password, session: await signIn(site.app, email, password) };
  }
  const makeKey = async (by: StaffSession, role: Role) => {
    const res = await asStaff(site.app, by, 'POST', '/api-keys', { name: `key ${++n}`, role });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().secret as string;
  };
  const signInStatus = async (email: string, password: string) =>
    (await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password } })).statusCode;
  const audit = async (): Promise<AuditItem[]> => {
    const all: AuditItem[] = [];
    for (let page = 1; ; page++) {
      const items = (await asStaff(site.app, admin, 'GET', `/audit?page=${page}`)).json().items as AuditItem[];
      if (items.length === 0) return all;
      all.push(...items);
    }
  };

  for (const demotedTo of LOWER_ROLES) {
    it(`a key made by an admin demoted to ${demotedTo} can do no more than a ${demotedTo}, and neither can their session`, async () => {
      const other = await addStaff('admin');
      const adminKey = await makeKey(other.session, 'admin');
      const editorKey = await makeKey(other.session, 'editor');
      expect((await withKey(site.app, adminKey, 'GET', '/staff')).statusCode).toBe(200);
      const demoted = await asStaff(site.app, admin, 'PATCH', `/staff/${other.id}`, { role: demotedTo });
      expect(demoted.statusCode).toBe(200);

      const escalation = { email: `new-admin-${++n}@example.org`, name: 'New Admin', role: 'admin', password: 'a long enough password' };
      for (const secret of [adminKey, editorKey]) {
        for (const path of ['/staff', '/api-keys', '/audit']) expect((await withKey(site.app, secret, 'GET', path)).statusCode).toBe(403);
        expect((await withKey(site.app, secret, 'POST', '/staff', escalation)).statusCode).toBe(403);
        expect((await withKey(site.app, secret, 'POST', '/api-keys', { name: 'more', role: 'admin' })).statusCode).toBe(403);
      }
      expect((await asStaff(site.app, admin, 'GET', '/staff')).json().items.map((s: { email: string }) => s.email)).not.toContain(
        escalation.email,
      );
      // The session goes on with the new role (documented choice), not the old one.
      expect((await asStaff(site.app, other.session, 'GET', '/session')).json().staff.role).toBe(demotedTo);
      expect((await asStaff(site.app, other.session, 'GET', '/staff')).statusCode).toBe(403);
      // What the key may still do is what both the key's role and the owner's new role allow.
      const story = await withKey(site.app, editorKey, 'POST', '/stories', {
        locale: 'en',
        title: `Key story ${n}`,
        dek: '',
        body: paragraphs('Text.'),
      });
      expect(story.statusCode).toBe(demotedTo === 'translator' ? 403 : 201);
      if (story.statusCode === 201) {
        const publish = await withKey(site.app, editorKey, 'POST', `/translations/${story.json().id}/transitions`, { to: 'published' });
        expect(publish.statusCode).toBe(demotedTo === 'editor' ? 200 : 403);
      }
    });
  }

  it('a key is no stronger than its own role even when its owner is an admin', async () => {
    const writerKey = await makeKey(admin, 'writer');
    expect((await withKey(site.app, writerKey, 'GET', '/staff')).statusCode).toBe(403);
  });

  it('deactivating ends sessions, revokes keys, refuses sign-in like a wrong password; reactivating lets them sign in (keys stay revoked)', async () => {
    const editor = await addStaff('editor');
    const other = await signIn(site.app, editor.email, editor.password);
    const key = await makeKey(admin, 'editor');
    // A key the editor made is theirs: make them admin for a moment to make one.
    await asStaff(site.app, admin, 'PATCH', `/staff/${editor.id}`, { role: 'admin' });
    const ownKey = await makeKey(editor.session, 'editor');
    await asStaff(site.app, admin, 'PATCH', `/staff/${editor.id}`, { role: 'editor' });
    expect((await withKey(site.app, ownKey, 'GET', '/stories')).statusCode).toBe(200);

    const res = await asStaff(site.app, admin, 'POST', `/staff/${editor.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: editor.id, status: 'deactivated' });
    for (const session of [editor.session, other]) expect((await asStaff(site.app, session, 'GET', '/session')).statusCode).toBe(401);
    expect((await withKey(site.app, ownKey, 'GET', '/stories')).statusCode).toBe(401);
    expect((await withKey(site.app, key, 'GET', '/stories')).statusCode).toBe(200); // someone else's key
    const refused = await site.app.inject({
      method: 'POST',
      url: `${API}/session`,
      payload: { email: editor.email, password: editor.password },
    });
    const wrong = await site.app.inject({
      method: 'POST',
      url: `${API}/session`,
      payload: { email: editor.email, password: 'not the password' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toBe(wrong.body);
    const resets = async () =>
      (await site.services.database.db.selectFrom('password_resets').select('id').where('staff_id', '=', editor.id).execute()).length;
    const before = await resets();
    expect((await site.app.inject({ method: 'POST', url: `${API}/password-reset`, payload: { email: editor.email } })).statusCode).toBe(
      202,
    );
    expect(await resets()).toBe(before);
    expect((await asStaff(site.app, admin, 'POST', `/staff/${editor.id}/deactivate`)).statusCode).toBe(409);
    expect((await asStaff(site.app, admin, 'GET', '/staff')).json().items).toContainEqual(
      expect.objectContaining({ id: editor.id, status: 'deactivated' }),
    );

    const back = await asStaff(site.app, admin, 'POST', `/staff/${editor.id}/reactivate`);
    expect(back.statusCode).toBe(200);
    expect(back.json().status).toBe('active');
    expect(await signInStatus(editor.email, editor.password)).toBe(200);
    expect((await withKey(site.app, ownKey, 'GET', '/stories')).statusCode).toBe(401);
    expect((await asStaff(site.app, admin, 'POST', `/staff/${editor.id}/reactivate`)).statusCode).toBe(409);

    const entries = (await audit()).filter((e) => e.subject.id === editor.id);
    expect(entries.find((e) => e.action === 'staff.deactivate')).toMatchObject({
      actor: { staffId: admin.staff.id, name: admin.staff.name },
      details: { from: 'active', to: 'deactivated', endedSessions: 2, revokedApiKeyIds: [expect.any(String)] },
    });
    expect(entries.find((e) => e.action === 'staff.reactivate')).toMatchObject({ details: { from: 'deactivated', to: 'active' } });
  });

  it('deleting keeps what they wrote and the audit log naming them; they cannot sign in; the address can be used again', async () => {
    const writer = await addStaff('writer');
    const story = (
      await asStaff(site.app, writer.session, 'POST', '/stories', {
        locale: 'en',
        title: `Written before leaving ${n}`,
        dek: '',
        body: paragraphs('Kept.'),
      })
    ).json();
    await asStaff(site.app, writer.session, 'POST', '/session/sign-out-everywhere');
    const session = await signIn(site.app, writer.email, writer.password);

    const res = await asStaff(site.app, admin, 'DELETE', `/staff/${writer.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await asStaff(site.app, session, 'GET', '/session')).statusCode).toBe(401);
    expect(await signInStatus(writer.email, writer.password)).toBe(401);
    expect((await asStaff(site.app, admin, 'GET', '/staff')).json().items.map((s: { id: string }) => s.id)).not.toContain(writer.id);
    const kept = (await asStaff(site.app, admin, 'GET', `/translations/${story.id}`)).json();
    expect(kept).toMatchObject({ title: story.title, createdBy: writer.id, story: { createdBy: writer.id } });
    for (const [method, path] of [
      ['PATCH', `/staff/${writer.id}`],
      ['POST', `/staff/${writer.id}/reactivate`],
      ['POST', `/staff/${writer.id}/deactivate`],
      ['DELETE', `/staff/${writer.id}`],
    ] as const) {
      expect((await asStaff(site.app, admin, method, path, method === 'PATCH' ? { role: 'editor' } : undefined)).statusCode).toBe(404);
    }
    const entries = await audit();
    expect(entries.find((e) => e.action === 'session.signOutEverywhere' && e.subject.id === writer.id)?.actor).toEqual({
      staffId: writer.id,
      name: writer.name,
      apiKeyId: null,
    });
    expect(entries.find((e) => e.action === 'staff.delete' && e.subject.id === writer.id)?.details).toMatchObject({
      email: writer.email,
      role: 'writer',
      to: 'deleted',
    });

    const again = await asStaff(site.app, admin, 'POST', '/staff', {
      email: writer.email,
      name: 'Someone New',
      role: 'writer',
      password: 'a long enough password',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(writer.id);
  });

  it('never demotes, deactivates or deletes the last active admin, even when other admins are deactivated', async () => {
    const spare = await addStaff('admin');
    expect((await asStaff(site.app, admin, 'POST', `/staff/${spare.id}/deactivate`)).statusCode).toBe(200);
    // Admins added by the earlier tests were demoted; the one left active is the first admin.
    const active = (await asStaff(site.app, admin, 'GET', '/staff'))
      .json()
      .items.filter((s: { role: string; status: string }) => s.role === 'admin' && s.status === 'active');
    expect(active.map((s: { id: string }) => s.id)).toEqual([admin.staff.id]);
    for (const [method, path, body] of [
      ['PATCH', `/staff/${admin.staff.id}`, { role: 'editor' }],
      ['POST', `/staff/${admin.staff.id}/deactivate`, undefined],
      ['DELETE', `/staff/${admin.staff.id}`, undefined],
    ] as const) {
      const res = await asStaff(site.app, admin, method, path, body);
      expect(res.statusCode, `${method} ${path}`).toBe(409);
      expect(res.json().error.code).toBe('conflict');
    }
    expect((await asStaff(site.app, admin, 'GET', '/session')).json().staff).toMatchObject({ role: 'admin', status: 'active' });
    // With a second active admin, the first may step down.
    expect((await asStaff(site.app, admin, 'POST', `/staff/${spare.id}/reactivate`)).statusCode).toBe(200);
    const spareSession = await signIn(site.app, spare.email, spare.password);
    expect((await asStaff(site.app, spareSession, 'PATCH', `/staff/${admin.staff.id}`, { role: 'editor' })).statusCode).toBe(200);
    expect((await asStaff(site.app, spareSession, 'PATCH', `/staff/${admin.staff.id}`, { role: 'admin' })).statusCode).toBe(200);
  });

  it('keeps deactivating and deleting to admins', async () => {
    const target = await addStaff('writer');
    const editor = await addStaff('editor');
    const editorKey = await makeKey(admin, 'editor');
    for (const [method, path] of [
      ['POST', `/staff/${target.id}/deactivate`],
      ['POST', `/staff/${target.id}/reactivate`],
      ['DELETE', `/staff/${target.id}`],
    ] as const) {
      expect((await asStaff(site.app, editor.session, method, path)).statusCode).toBe(403);
      expect((await withKey(site.app, editorKey, method, path)).statusCode).toBe(403);
      expect((await site.app.inject({ method, url: `${API}${path}` })).statusCode).toBe(401);
    }
    expect(await signInStatus(target.email, target.password)).toBe(200);
  });
});

describe.each(DIALECTS)('change my password (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
    await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'wren@example.org',
      name: 'Wren',
      role: 'writer',
      password: 'the old password',
    });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('needs the current password, ends the other sessions, keeps this one, and is audited', async () => {
    const here = await signIn(site.app, 'wren@example.org', 'the old password');
    const elsewhere = await signIn(site.app, 'wren@example.org', 'the old password');
    for (const wrong of ['', 'not the old password', 'THE OLD PASSWORD', 'the old password ']) {
      const res = await asStaff(site.app, here, 'POST', '/session/password', {
        currentPassword: wrong,
        newPassword: 'a brand new password',
      });
      expect(res.statusCode, wrong).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'currentPassword' } });
    }
    for (const weak of ['short', '', 'x'.repeat(257)]) {
      const res = await asStaff(site.app, here, 'POST', '/session/password', { currentPassword: 'the old password', newPassword: weak });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('newPassword');
    }
    expect((await asStaff(site.app, elsewhere, 'GET', '/session')).statusCode).toBe(200);
    const done = await asStaff(site.app, here, 'POST', '/session/password', {
      currentPassword: 'the old password',
      newPassword: 'a brand new password',
    });
    expect(done.statusCode, done.body).toBe(204);
    expect((await asStaff(site.app, here, 'GET', '/session')).statusCode).toBe(200);
    expect((await asStaff(site.app, elsewhere, 'GET', '/session')).statusCode).toBe(401);
    expect(
      (
        await site.app.inject({
          method: 'POST',
          url: `${API}/session`,
          payload: { email: 'wren@example.org', password: 'the old password' },
        })
      ).statusCode,
    ).toBe(401);
    await signIn(site.app, 'wren@example.org', 'a brand new password');
    const entry = (await asStaff(site.app, admin, 'GET', '/audit'))
      .json()
      .items.find((e: AuditItem) => e.action === 'staff.passwordChange');
    expect(entry).toMatchObject({ actor: { staffId: here.staff.id, name: 'Wren' }, details: { endedSessions: 1 } });
    expect(JSON.stringify(entry)).not.toContain('brand new');
  });

  it('is for signed-in staff only: not anonymous, not an API key, not without the CSRF token', async () => {
    const body = { currentPassword: 'x', newPassword: 'a brand new password' };
    expect((await site.app.inject({ method: 'POST', url: `${API}/session/password`, payload: body })).statusCode).toBe(401);
    const { secret } = (await asStaff(site.app, admin, 'POST', '/api-keys', { name: 'bot', role: 'admin' })).json();
    expect((await withKey(site.app, secret, 'POST', '/session/password', body)).statusCode).toBe(401);
    const noCsrf = await site.app.inject({
      method: 'POST',
      url: `${API}/session/password`,
      headers: { cookie: admin.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('refuses a sixth wrong current password within 15 minutes (429)', async () => {
    const session = await signIn(site.app, 'ada@example.org', 'correct horse battery');
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await asStaff(site.app, session, 'POST', '/session/password', {
            currentPassword: `guess ${i}`,
            newPassword: 'a brand new password',
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
