import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../src/app/container.js';
import { editorialJobHandlers } from '../../src/app/wiring/editorial-wiring.js';
import { createJobRuntime } from '../../src/app/wiring/jobs-wiring.js';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { asStaff, setUpAdmin, signIn, withKey, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

describe.each(DIALECTS)('editorial admin API (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  let writer: StaffSession;
  let editor: StaffSession;

  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
    for (const [email, role] of [
      ['wren@example.org', 'writer'],
      ['eda@example.org', 'editor'],
    ] as const) {
      const res = await asStaff(site.app, admin, 'POST', '/staff', { email, name: email, role, password: 'a long enough password' });
      expect(res.statusCode).toBe(201);
    }
    writer = await signIn(site.app, 'wren@example.org', 'a long enough password');
    editor = await signIn(site.app, 'eda@example.org', 'a long enough password');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('refuses requests without a session, and writes without the CSRF token', async () => {
    const anonymous = await site.app.inject({ method: 'GET', url: '/admin/api/v1/stories' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    const noCsrf = await site.app.inject({
      method: 'POST',
      url: '/admin/api/v1/stories',
      headers: { cookie: writer.cookie },
      payload: { locale: 'en', title: 'x', body: paragraphs('x') },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('a writer drafts; a stale save gets 409 and overwrites nothing; a bad body gets 400 naming the node', async () => {
    const created = await asStaff(site.app, writer, 'POST', '/stories', {
      locale: 'en',
      title: 'Night ferry returns',
      dek: 'Service resumes',
      body: paragraphs('Draft one.'),
    });
    expect(created.statusCode).toBe(201);
    const story = created.json();
    expect(story).toMatchObject({ status: 'draft', slug: 'night-ferry-returns', version: 1 });
    const saved = await asStaff(site.app, writer, 'PUT', `/translations/${story.id}`, {
      title: 'Night ferry returns',
      dek: 'Service resumes',
      body: paragraphs('Draft two.'),
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    const stale = await asStaff(site.app, writer, 'PUT', `/translations/${story.id}`, {
      title: 'Lost',
      dek: '',
      body: paragraphs('Lost update.'),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict', details: { currentVersion: 2 } } });
    const bad = await asStaff(site.app, writer, 'PUT', `/translations/${story.id}`, {
      title: 'Night ferry returns',
      dek: '',
      body: { type: 'doc', content: [{ type: 'script', content: [] }] },
      version: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_document');
    expect(JSON.stringify(bad.json().error.details)).toContain('content[0]');
    const current = await asStaff(site.app, writer, 'GET', `/translations/${story.id}`);
    expect(current.json()).toMatchObject({ version: 2, body: paragraphs('Draft two.') });
    const missingTitle = await asStaff(site.app, writer, 'POST', '/stories', { locale: 'en', body: paragraphs('x') });
    expect(missingTitle.statusCode).toBe(400);
    expect(JSON.stringify(missingTitle.json().error.details)).toContain('title');
  });

  it("two editors: a save carrying story-wide settings read before the other's change gets 409 and undoes nothing", async () => {
    const second = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'ece@example.org',
      name: 'Ece',
      role: 'editor',
      password: 'a long enough password',
    });
    expect(second.statusCode).toBe(201);
    const ece = await signIn(site.app, 'ece@example.org', 'a long enough password');
    const body = paragraphs('One.', 'Two.', 'Three.', 'Harbour canary.');
    const en = (
      await asStaff(site.app, editor, 'POST', '/stories', {
        locale: 'en',
        title: 'Harbour dues rise',
        dek: '',
        body,
        accessLevel: 'public',
      })
    ).json();
    expect((await asStaff(site.app, editor, 'POST', `/translations/${en.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    const tr = (await asStaff(site.app, editor, 'POST', `/stories/${en.storyId}/translations`, { locale: 'tr' })).json();
    // Ece has the original open: its text and its story-wide settings, as they stand now.
    const seen = (await asStaff(site.app, ece, 'GET', `/translations/${en.id}`)).json();
    expect(seen.story).toMatchObject({ accessLevel: 'public', version: 1 });
    // Eda raises the access level through the Turkish version (the original's text version does not move).
    const raised = await asStaff(site.app, editor, 'PUT', `/translations/${tr.id}`, {
      title: 'Liman ücretleri',
      dek: '',
      body,
      version: tr.version,
      accessLevel: 'paid',
      storyVersion: seen.story.version,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().story).toMatchObject({ accessLevel: 'paid', version: 2 });
    // Ece's screen autosaves her stale copy of the settings with her text.
    const stale = await asStaff(site.app, ece, 'PUT', `/translations/${en.id}`, {
      title: 'Harbour dues rise sharply',
      dek: '',
      body,
      version: seen.version,
      accessLevel: 'public',
      storyVersion: seen.story.version,
      autosave: true,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'conflict', message: expect.any(String), details: { reason: 'story_changed', storyVersion: 2 } },
    });
    expect(stale.json().error.details).not.toHaveProperty('field');
    const now = (await asStaff(site.app, admin, 'GET', `/translations/${en.id}`)).json();
    expect(now).toMatchObject({ title: 'Harbour dues rise', version: seen.version, story: { accessLevel: 'paid', version: 2 } });
    const page = await site.app.inject({ method: 'GET', url: `/en/2014/07/${en.slug}` });
    expect(page.body).not.toContain('Harbour canary.');
    // Her text alone (no story-wide field) still saves; after a reload her settings save too.
    const text = await asStaff(site.app, ece, 'PUT', `/translations/${en.id}`, {
      title: 'Harbour dues rise sharply',
      dek: '',
      body,
      version: seen.version,
      storyVersion: seen.story.version,
    });
    expect(text.statusCode, text.body).toBe(200);
    const reloaded = text.json();
    const lowered = await asStaff(site.app, ece, 'PUT', `/translations/${en.id}`, {
      title: reloaded.title,
      dek: '',
      body,
      version: reloaded.version,
      accessLevel: 'metered',
      storyVersion: reloaded.story.version,
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().story).toMatchObject({ accessLevel: 'metered', version: 3 });
  });

  it('only editors publish; the story appears on the site and the audit log records who published', async () => {
    const story = (
      await asStaff(site.app, writer, 'POST', '/stories', {
        locale: 'en',
        title: 'Market hall reopens',
        dek: '',
        body: paragraphs('Stalls are back.'),
      })
    ).json();
    expect((await asStaff(site.app, writer, 'POST', `/translations/${story.id}/transitions`, { to: 'in_review' })).statusCode).toBe(200);
    const refused = await asStaff(site.app, writer, 'POST', `/translations/${story.id}/transitions`, { to: 'published' });
    expect(refused.statusCode).toBe(403);
    const published = await asStaff(site.app, editor, 'POST', `/translations/${story.id}/transitions`, { to: 'published' });
    expect(published.statusCode).toBe(200);
    expect((await site.app.inject({ method: 'GET', url: '/en/2014/07/market-hall-reopens' })).statusCode).toBe(200);
    const audit = (await asStaff(site.app, admin, 'GET', '/audit')).json();
    expect(
      audit.items.some((e: { action: string; subject: { id: string } }) => e.action === 'story.publish' && e.subject.id === story.id),
    ).toBe(true);
  });

  it('an integration with an editor API key publishes with a Bearer token and no CSRF header', async () => {
    const key = (await asStaff(site.app, admin, 'POST', '/api-keys', { name: 'wire importer', role: 'editor' })).json();
    const created = await withKey(site.app, key.secret, 'POST', '/stories', {
      locale: 'en',
      title: 'Wire copy arrives',
      dek: '',
      body: paragraphs('From the wire.'),
    });
    expect(created.statusCode).toBe(201);
    const published = await withKey(site.app, key.secret, 'POST', `/translations/${created.json().id}/transitions`, { to: 'published' });
    expect(published.statusCode).toBe(200);
  });

  it('publishes a scheduled story from the job queue after a restart, exactly once', async () => {
    const story = (
      await asStaff(site.app, editor, 'POST', '/stories', { locale: 'en', title: 'Census results', dek: '', body: paragraphs('Numbers.') })
    ).json();
    const at = '2014-07-10T12:30:00.000Z';
    const scheduled = await asStaff(site.app, editor, 'POST', `/translations/${story.id}/transitions`, { to: 'scheduled', publishAt: at });
    expect(scheduled.statusCode).toBe(200);
    expect((await site.app.inject({ method: 'GET', url: '/en/2014/07/census-results' })).statusCode).toBe(404);

    // A new process on the same database (the web process that scheduled it is gone).
    const restarted = await openServices(site.services.config, site.clock, { migrate: false });
    try {
      const runtime = createJobRuntime(restarted, editorialJobHandlers(restarted), { polling: false });
      expect(await runtime.worker.runOnce()).toBe(0); // not yet due
      site.clock.set('2014-07-10T12:30:01Z');
      expect(await runtime.worker.runOnce()).toBe(1);
      expect(await runtime.worker.runOnce()).toBe(0);
      await runtime.worker.stop();
      const after = (await asStaff(site.app, editor, 'GET', `/translations/${story.id}`)).json();
      expect(after).toMatchObject({ status: 'published', publishedAt: at });
      expect((await site.app.inject({ method: 'GET', url: '/en/2014/07/census-results' })).statusCode).toBe(200);
    } finally {
      site.clock.set('2014-07-10T12:00:00Z');
      await restarted.close();
    }
  });

  it('lists stories with filters and shows the translation desk to a Turkish translator', async () => {
    const res = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'tara@example.org',
      name: 'Tara',
      role: 'translator',
      locales: ['tr'],
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(201);
    const translator = await signIn(site.app, 'tara@example.org', 'a long enough password');
    const list = (await asStaff(site.app, editor, 'GET', '/stories?status=published&locale=en&q=market')).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['Market hall reopens']);
    const desk = (await asStaff(site.app, translator, 'GET', '/translation-desk?locale=tr')).json();
    const item = desk.items.find((i: { sourceTitle: string }) => i.sourceTitle === 'Market hall reopens');
    expect(item).toMatchObject({ state: 'needs_translation', translationId: null });
    const started = await asStaff(site.app, translator, 'POST', `/stories/${item.storyId}/translations`, {
      locale: 'tr',
      provenance: 'newsroom',
      provenanceCredit: 'Tara',
    });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ locale: 'tr', status: 'draft', translatedFrom: 'en' });
    expect((await asStaff(site.app, translator, 'POST', `/stories/${item.storyId}/translations`, { locale: 'ar' })).statusCode).toBe(403);
  });
});
