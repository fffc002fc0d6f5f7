import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { startCachedServers, within, type CachedServer, type CachedServers } from '../support/cached-servers.js';
import { asStaff, signIn, type StaffSession } from '../support/staff.js';

type Audit = { action: string; subject: { kind: string; id: string }; actor: { name: string } };

describe.each(DIALECTS)('authors, sections and topics managed in the newsroom (%s)', (dialect) => {
  let site: CachedServers;
  let a: CachedServer;
  let b: CachedServer;
  let editor: StaffSession;
  let writer: StaffSession;
  const as = (who: StaffSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    asStaff(a.app, who, method, path, payload);
  const audit = async (): Promise<Audit[]> => (await as(site.admin, 'GET', '/audit')).json().items;

  beforeAll(async () => {
    site = await startCachedServers(dialect, 2);
    [a, b] = site.servers as [CachedServer, CachedServer];
    for (const [email, role] of [
      ['eda@example.org', 'editor'],
      ['wren@example.org', 'writer'],
    ] as const) {
      const res = await as(site.admin, 'POST', '/staff', { email, name: email, role, password: 'a long enough password' });
      expect(res.statusCode).toBe(201);
    }
    editor = await signIn(a.app, 'eda@example.org', 'a long enough password');
    writer = await signIn(a.app, 'wren@example.org', 'a long enough password');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('an editor creates a section with names per edition at a place in the navigation; every server shows it within 1 s', async () => {
    for (const edition of ['en', 'tr']) await b.get(`/${edition}/`);
    const res = await as(editor, 'POST', '/sections', {
      names: [
        { locale: 'en', name: 'Culture' },
        { locale: 'tr', name: 'Kültür', slug: 'kultur' },
      ],
      position: 0,
    });
    expect(res.statusCode).toBe(201);
    const section = res.json();
    expect(section.names).toEqual(
      expect.arrayContaining([
        { locale: 'en', name: 'Culture', slug: 'culture' },
        { locale: 'tr', name: 'Kültür', slug: 'kultur' },
      ]),
    );
    const sections = (await as(writer, 'GET', '/sections')).json().items as { id: string; position: number }[];
    expect(sections.map((s) => s.id)[0]).toBe(section.id);
    expect(await within(1000, async () => (await b.get('/en/')).body.includes('/en/sections/culture'))).toBe(true);
    expect(await within(1000, async () => (await b.get('/tr/')).body.includes('Kültür'))).toBe(true);
    expect((await b.get('/en/sections/culture')).status).toBe(200);
    const entry = (await audit()).find((e) => e.action === 'section.create');
    expect(entry?.subject).toEqual({ kind: 'section', id: section.id });
    expect(entry?.actor.name).toBe('eda@example.org');
  });

  it('renaming a section changes the navigation on the other server within 1 s; the old slug answers 301; reordering moves it', async () => {
    const { sectionId } = site.fixture;
    await b.get('/en/sections/economy');
    const res = await as(editor, 'PATCH', `/sections/${sectionId}`, {
      names: [{ locale: 'en', name: 'Business', slug: 'business' }],
      position: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().names).toEqual(expect.arrayContaining([{ locale: 'en', name: 'Business', slug: 'business' }]));
    const order = ((await as(editor, 'GET', '/sections')).json().items as { id: string; position: number }[]).map((s) => s.id);
    expect(order[0]).toBe(sectionId);
    expect(await within(1000, async () => (await b.get('/en/')).body.includes('/en/sections/business'))).toBe(true);
    const old = await b.get('/en/sections/economy');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/en/sections/business');
    expect((await b.get('/en/sections/business')).status).toBe(200);
    // The Turkish name is untouched.
    expect((await b.get('/tr/sections/ekonomi')).status).toBe(200);
    expect((await audit()).some((e) => e.action === 'section.update' && e.subject.id === sectionId)).toBe(true);
  });

  it('an editor creates an author linked to a writer, with a bio per edition; the writer sees their own byline first', async () => {
    const res = await as(editor, 'POST', '/authors', {
      names: [
        { locale: 'en', name: 'Wren Yılmaz', bio: 'Covers the coast.' },
        { locale: 'tr', name: 'Wren Yılmaz', bio: 'Kıyıyı izliyor.' },
      ],
      staffId: writer.staff.id,
    });
    expect(res.statusCode).toBe(201);
    const author = res.json();
    expect(author).toMatchObject({ name: 'Wren Yılmaz', slug: 'wren-yilmaz', staffId: writer.staff.id });
    expect(author.bios).toEqual(expect.arrayContaining([{ locale: 'tr', bio: 'Kıyıyı izliyor.' }]));
    const forWriter = (await as(writer, 'GET', '/authors')).json().items as { id: string }[];
    expect(forWriter[0]?.id).toBe(author.id);
    const forEditor = (await as(editor, 'GET', '/authors')).json().items as { id: string; name: string }[];
    expect(forEditor.map((x) => x.name)).toEqual(['Selin Arslan', 'Wren Yılmaz']);
    expect((await a.get('/tr/authors/wren-yilmaz')).body).toContain('Kıyıyı izliyor.');
    expect((await audit()).some((e) => e.action === 'author.create' && e.subject.id === author.id)).toBe(true);

    // A story uses the new author and section.
    const section = ((await as(editor, 'GET', '/sections')).json().items as { id: string; names: { slug: string }[] }[]).find((s) =>
      s.names.some((n) => n.slug === 'culture'),
    )!;
    const story = await as(writer, 'POST', '/stories', {
      locale: 'en',
      title: 'Lighthouse reopens',
      dek: 'Visitors return',
      body: paragraphs('The lighthouse reopened on Monday.'),
      sectionId: section.id,
      authorIds: [author.id],
    });
    expect(story.statusCode).toBe(201);
  });

  it('renaming an author shows the new byline on the other server within 1 s and the old URL answers 301 in every edition', async () => {
    const { authorId } = site.fixture;
    const story = '/en/2014/07/harbour-fish-prices-climb';
    expect((await b.get(story)).body).toContain('Selin Arslan');
    const res = await as(editor, 'PATCH', `/authors/${authorId}`, {
      names: [{ locale: 'en', name: 'Selin Arslan Kaya', slug: 'selin-kaya', bio: 'Business correspondent.' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Selin Arslan Kaya', slug: 'selin-kaya' });
    expect(await within(1000, async () => (await b.get(story)).body.includes('Selin Arslan Kaya'))).toBe(true);
    for (const edition of ['en', 'tr', 'ar']) {
      const old = await b.get(`/${edition}/authors/selin-arslan`);
      expect(old.status, edition).toBe(301);
      expect(old.headers.get('location')).toBe(`/${edition}/authors/selin-kaya`);
    }
    expect((await b.get('/en/authors/selin-kaya')).body).toContain('Business correspondent.');
    expect((await audit()).some((e) => e.action === 'author.update' && e.subject.id === authorId)).toBe(true);
  });

  it('renaming a topic in one edition: that edition shows the new name on the other server within 1 s, the old slug answers 301', async () => {
    const { topicId } = site.fixture;
    await b.get('/tr/topics/ege-kiyisi');
    expect((await b.get('/tr/2014/07/limanda-balik-fiyatlari-yukseliyor')).body).toContain('Ege kıyısı');
    const res = await as(editor, 'PATCH', `/topics/${topicId}`, {
      names: [
        { locale: 'tr', name: 'Ege sahili', slug: 'ege-sahili' },
        { locale: 'ar', name: 'ساحل إيجة' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().names).toEqual(
      expect.arrayContaining([
        { locale: 'en', name: 'Aegean coast', slug: 'aegean-coast' },
        { locale: 'tr', name: 'Ege sahili', slug: 'ege-sahili' },
      ]),
    );
    expect(
      await within(1000, async () => (await b.get('/tr/2014/07/limanda-balik-fiyatlari-yukseliyor')).body.includes('Ege sahili')),
    ).toBe(true);
    expect(await within(1000, async () => (await b.get('/tr/topics/ege-kiyisi')).status === 301)).toBe(true);
    const old = await b.get('/tr/topics/ege-kiyisi');
    expect(old.headers.get('location')).toBe('/tr/topics/ege-sahili');
    expect((await b.get('/en/topics/aegean-coast')).status).toBe(200);
    // The Arabic edition names it in Arabic now (it showed the English name before).
    const arabic = (res.json().names as { locale: string; slug: string }[]).find((n) => n.locale === 'ar')!;
    const arPage = await b.get(`/ar/topics/${encodeURIComponent(arabic.slug)}`);
    expect(arPage.status).toBe(200);
    expect(arPage.body).toContain('ساحل إيجة');
    expect((await audit()).some((e) => e.action === 'topic.update' && e.subject.id === topicId)).toBe(true);
  });

  it('deleting an author or a section that stories use is refused with the standard error; unused ones are deleted and audited', async () => {
    const usedAuthor = await as(editor, 'DELETE', `/authors/${site.fixture.authorId}`);
    expect(usedAuthor.statusCode).toBe(409);
    expect(usedAuthor.json()).toEqual({
      error: {
        code: 'conflict',
        message: expect.stringContaining('remove the byline'),
        details: { reason: 'in_use', stories: expect.any(Number) },
      },
    });
    const usedSection = await as(editor, 'DELETE', `/sections/${site.fixture.sectionId}`);
    expect(usedSection.statusCode).toBe(409);
    expect(usedSection.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use' } });
    expect((await b.get('/en/sections/business')).status).toBe(200);

    const spare = (await as(editor, 'POST', '/sections', { names: [{ locale: 'en', name: 'Spare' }] })).json();
    const extra = (await as(editor, 'POST', '/authors', { names: [{ locale: 'en', name: 'Guest Writer' }] })).json();
    expect((await as(editor, 'DELETE', `/sections/${spare.id}`)).statusCode).toBe(204);
    expect((await as(editor, 'DELETE', `/authors/${extra.id}`)).statusCode).toBe(204);
    expect((await as(editor, 'GET', '/sections')).json().items.some((s: { id: string }) => s.id === spare.id)).toBe(false);
    expect((await as(editor, 'DELETE', `/authors/${extra.id}`)).statusCode).toBe(404);
    const entries = await audit();
    expect(entries.some((e) => e.action === 'section.delete' && e.subject.id === spare.id)).toBe(true);
    expect(entries.some((e) => e.action === 'author.delete' && e.subject.id === extra.id)).toBe(true);
  });

  it('writers create topics but do not manage authors, sections or topic names; a taken slug is a 409, a bad locale a 400', async () => {
    const topic = await as(writer, 'POST', '/topics', { kind: 'theme', names: [{ locale: 'en', name: 'Lighthouses' }] });
    expect(topic.statusCode).toBe(201);
    expect((await audit()).some((e) => e.action === 'topic.create' && e.subject.id === topic.json().id)).toBe(true);
    for (const [method, path, body] of [
      ['POST', '/authors', { names: [{ locale: 'en', name: 'Someone' }] }],
      ['PATCH', `/authors/${site.fixture.authorId}`, { names: [{ locale: 'en', name: 'Someone' }] }],
      ['DELETE', `/authors/${site.fixture.authorId}`, undefined],
      ['POST', '/sections', { names: [{ locale: 'en', name: 'Sport' }] }],
      ['PATCH', `/sections/${site.fixture.sectionId}`, { position: 3 }],
      ['DELETE', `/sections/${site.fixture.sectionId}`, undefined],
      ['PATCH', `/topics/${site.fixture.topicId}`, { names: [{ locale: 'en', name: 'Coast' }] }],
    ] as const) {
      const res = await as(writer, method, path, body);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const taken = await as(editor, 'POST', '/sections', { names: [{ locale: 'en', name: 'Trade', slug: 'business' }] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toMatchObject({ reason: 'slug_taken', field: 'names.slug' });
    const badLocale = await as(editor, 'POST', '/authors', { names: [{ locale: 'xx', name: 'Nobody' }] });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().error.code).toBe('invalid_input');
    const badStaff = await as(editor, 'POST', '/authors', { names: [{ locale: 'en', name: 'Nobody' }], staffId: 'nope' });
    expect(badStaff.json().error.details.field).toBe('staffId');
  });
});
