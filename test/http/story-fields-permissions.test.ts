import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, STORY_FIELDS, type Role, type StoryField } from '../../src/modules/newsroom/index.js';
import { DIALECTS } from '../support/databases.js';
import { NOW, paragraphs } from '../support/fixtures.js';
import { asStaff, setUpAdmin, signIn, withKey, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/**
 * Story-wide fields (access level, section, lead image, authors, topics) through the admin API, for
 * every role, signed in and by API key: who may change them on which language version. Written
 * out by hand (not derived from permissions.ts), like the matrix in staff-permissions.test.ts.
 * `others-tr`: the Turkish translation (a draft) of a published paid story someone else wrote;
 * `others-en`: that story's original; `own-draft`: an original draft the actor started;
 * `own-tr-live`: a story the actor started whose original an editor published, then unpublished and
 * took back to draft, while its Turkish translation stays published; `own-was-live`: the same
 * without a translation (the story has been public, so it is no longer early).
 * 200 = changed; 403 / 404 = refused and nothing changed; n/a = the role cannot start stories.
 */
const POLICY = `
              contributor  writer  translator  editor  admin
others-tr         404        404       403        200    200
others-en         404        404       403        200    200
own-draft         200        200       n/a        200    200
own-tr-live       403        403       n/a        200    200
own-was-live      403        403       n/a        200    200
`;
const [header = '', ...rows] = POLICY.trim().split('\n');
const columns = header.trim().split(/\s+/);
type Case = 'others-tr' | 'others-en' | 'own-draft' | 'own-tr-live' | 'own-was-live';
const expected = new Map(
  rows.map((row) => {
    const [name = '', ...marks] = row.trim().split(/\s+/);
    return [name as Case, new Map(columns.map((role, i) => [role, marks[i] ?? 'n/a']))];
  }),
);

type Values = Record<StoryField, unknown>;
interface Actor {
  label: string;
  role: Role;
  send(method: 'GET' | 'POST' | 'PUT', path: string, payload?: object): ReturnType<typeof asStaff>;
}

describe.each(DIALECTS)('story-wide fields x roles x field, through the admin API (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  let editor: StaffSession;
  let before: Values;
  let after: Values;
  const actors: Actor[] = [];

  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
    const content = site.services.contentWrite;
    const section = (slug: string) => content.createSection([{ locale: 'en', name: slug, slug }], 9, NOW);
    const image = (path: string) =>
      content.createImage({ path, width: 800, height: 600, mime: 'image/webp', texts: [{ locale: 'en', alt: path }] }, NOW);
    const author = (slug: string) => content.createAuthor({ slug, name: slug, bios: [] }, NOW);
    const topic = (slug: string) => content.createTopic('theme', [{ locale: 'en', name: slug, slug }], NOW);
    before = {
      accessLevel: 'paid',
      sectionId: await section('before'),
      leadImageId: await image('/media/before.webp'),
      authorIds: [await author('before')],
      topicIds: [await topic('before')],
    };
    after = {
      accessLevel: 'public',
      sectionId: await section('after'),
      leadImageId: await image('/media/after.webp'),
      authorIds: [await author('after')],
      topicIds: [await topic('after')],
    };
    for (const role of ROLES) {
      const email = `${role}@example.org`;
      const created = await asStaff(site.app, admin, 'POST', '/staff', {
        email,
        name: role,
        role,
        locales: ['tr'],
        password: `${role} password!`,
      });
      expect(created.statusCode).toBe(201);
      const session = await signIn(site.app, email, `${role} password!`);
      const secret = (await asStaff(site.app, admin, 'POST', '/api-keys', { name: `${role} key`, role })).json().secret as string;
      actors.push({ label: `${role} (signed in)`, role, send: (m, p, b) => asStaff(site.app, session, m, p, b) });
      actors.push({ label: `${role} (API key)`, role, send: (m, p, b) => withKey(site.app, secret, m, p, b) });
    }
    const email = 'desk@example.org';
    await asStaff(site.app, admin, 'POST', '/staff', { email, name: 'Desk Editor', role: 'editor', password: 'desk editor password' });
    editor = await signIn(site.app, email, 'desk editor password');
  });
  afterAll(async () => {
    await site?.close();
  });

  let n = 0;
  const text = (title: string, version: number) => ({
    title,
    dek: 'A dek',
    body: paragraphs('One.', 'Two.', 'Three.', `Paid canary ${title}.`),
    version,
  });

  /** A published paid story by the desk editor, with a Turkish draft translation. */
  async function othersStory() {
    const title = `Story ${++n}`;
    const en = (
      await asStaff(site.app, editor, 'POST', '/stories', { locale: 'en', ...text(title, 1), version: undefined, ...before })
    ).json();
    expect((await asStaff(site.app, editor, 'POST', `/translations/${en.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    const tr = (await asStaff(site.app, editor, 'POST', `/stories/${en.storyId}/translations`, { locale: 'tr' })).json();
    const saved = await asStaff(site.app, editor, 'PUT', `/translations/${tr.id}`, text(`Haber ${n}`, tr.version));
    expect(saved.statusCode).toBe(200);
    return { en: (await asStaff(site.app, editor, 'GET', `/translations/${en.id}`)).json(), tr: saved.json() };
  }

  /**
   * A paid story the actor started, published by the desk editor, then unpublished and taken back
   * to draft; with `liveTranslation`, its Turkish translation is published before and stays so.
   */
  async function ownStoryOnceLive(actor: Actor, liveTranslation: boolean) {
    const mine = (await actor.send('POST', '/stories', { locale: 'en', ...text(`Mine ${++n}`, 1), version: undefined, ...before })).json();
    const move = async (id: string, to: string) =>
      expect((await asStaff(site.app, editor, 'POST', `/translations/${id}/transitions`, { to })).statusCode).toBe(200);
    await move(mine.id, 'published');
    let tr: { id: string; slug: string; title: string } | null = null;
    if (liveTranslation) {
      const started = (await asStaff(site.app, editor, 'POST', `/stories/${mine.storyId}/translations`, { locale: 'tr' })).json();
      tr = (await asStaff(site.app, editor, 'PUT', `/translations/${started.id}`, text(`Benim ${n}`, started.version))).json();
      await move(started.id, 'published');
    }
    await move(mine.id, 'unpublished');
    await move(mine.id, 'draft');
    const en = (await asStaff(site.app, editor, 'GET', `/translations/${mine.id}`)).json();
    expect(en.status).toBe('draft');
    return { en, tr };
  }

  const storyValue = async (translationId: string, field: StoryField) =>
    (await asStaff(site.app, admin, 'GET', `/translations/${translationId}`)).json().story[field];

  it('covers every story-wide field of the code', () => {
    expect([...STORY_FIELDS].sort()).toEqual(['accessLevel', 'authorIds', 'leadImageId', 'sectionId', 'topicIds']);
    expect(columns).toEqual([...ROLES]);
  });

  for (const role of ROLES) {
    it(`answers ${role} by the table, for every story-wide field, signed in and by API key`, async () => {
      for (const actor of actors.filter((a) => a.role === role)) {
        for (const field of STORY_FIELDS) {
          const story = await othersStory();
          for (const [name, id] of [
            ['others-tr', story.tr.id],
            ['others-en', story.en.id],
          ] as const) {
            const target = (await asStaff(site.app, editor, 'GET', `/translations/${id}`)).json();
            const want = expected.get(name)?.get(role);
            const res = await actor.send('PUT', `/translations/${target.id}`, {
              ...text(target.title, target.version),
              [field]: after[field],
            });
            const why = `${actor.label} ${field} on ${name}: ${res.body}`;
            // An API key of a translator has no locales: it may not touch a translation at all.
            expect(String(res.statusCode), why).toBe(actor.label.includes('API key') && role === 'translator' ? '403' : want);
            expect(await storyValue(story.en.id, field), why).toEqual(res.statusCode === 200 ? after[field] : before[field]);
            if (role === 'translator' && name === 'others-tr' && !actor.label.includes('API key')) {
              expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'story_fields', fields: [field] } });
              expect(res.json().error.message).toContain(field);
            }
            if (res.statusCode === 200) {
              // Put it back for the next case (as an editor).
              const current = (await asStaff(site.app, editor, 'GET', `/translations/${story.en.id}`)).json();
              await asStaff(site.app, editor, 'PUT', `/translations/${story.en.id}`, {
                ...text(current.title, current.version),
                [field]: before[field],
              });
            }
          }
          const want = expected.get('own-draft')?.get(role);
          if (want === 'n/a') {
            expect((await actor.send('POST', '/stories', { locale: 'en', ...text('Mine', 1), version: undefined })).statusCode).toBe(403);
            continue;
          }
          for (const name of ['own-tr-live', 'own-was-live'] as const) {
            const { en } = await ownStoryOnceLive(actor, name === 'own-tr-live');
            const res = await actor.send('PUT', `/translations/${en.id}`, { ...text(en.title, en.version), [field]: after[field] });
            const why = `${actor.label} ${field} on ${name}: ${res.body}`;
            expect(String(res.statusCode), why).toBe(expected.get(name)?.get(role));
            expect(await storyValue(en.id, field), why).toEqual(res.statusCode === 200 ? after[field] : before[field]);
          }
          const mine = (
            await actor.send('POST', '/stories', { locale: 'en', ...text(`Mine ${++n}`, 1), version: undefined, ...before })
          ).json();
          const res = await actor.send('PUT', `/translations/${mine.id}`, { ...text(mine.title, mine.version), [field]: after[field] });
          expect(String(res.statusCode), `${actor.label} ${field} on own-draft: ${res.body}`).toBe(want);
          expect(await storyValue(mine.id, field)).toEqual(after[field]);
        }
      }
    });
  }

  it('lets a translator save a translation that repeats the story-wide values unchanged', async () => {
    const story = await othersStory();
    const translator = actors.find((a) => a.label === 'translator (signed in)') as Actor;
    const res = await translator.send('PUT', `/translations/${story.tr.id}`, {
      ...text('Çeviri', story.tr.version),
      ...before,
      authorIds: [...(before.authorIds as string[]), ...(before.authorIds as string[])],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Çeviri', story: before });
  });

  it('keeps a paid story paid when a translator sends accessLevel "public": no full text for anonymous readers', async () => {
    const story = await othersStory();
    const translator = actors.find((a) => a.label === 'translator (signed in)') as Actor;
    for (const level of ['public', 'metered', 'registered']) {
      const res = await translator.send('PUT', `/translations/${story.tr.id}`, { ...text('Çeviri', story.tr.version), accessLevel: level });
      expect(res.statusCode).toBe(403);
    }
    const page = await site.app.inject({ method: 'GET', url: `/en/2014/07/${story.en.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(story.en.title);
    expect(page.body).not.toContain(`Paid canary ${story.en.title}`);
  });

  it('keeps a paid story paid when its writer makes it public while a translation is live and the original is back in draft', async () => {
    const writer = actors.find((a) => a.label === 'writer (signed in)') as Actor;
    const { en, tr } = await ownStoryOnceLive(writer, true);
    if (!tr) throw new Error('no translation');
    for (const level of ['public', 'metered', 'registered']) {
      const res = await writer.send('PUT', `/translations/${en.id}`, { ...text(en.title, en.version), accessLevel: level });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'story_fields', fields: ['accessLevel'] } });
    }
    expect(await storyValue(en.id, 'accessLevel')).toBe('paid');
    const page = await site.app.inject({ method: 'GET', url: `/tr/2014/07/${tr.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(tr.title);
    expect(page.body).not.toContain(`Paid canary ${tr.title}`);
  });

  it('audits every change of access level: who, from, to', async () => {
    const story = await othersStory();
    const moves = [
      ['paid', 'public'],
      ['public', 'registered'],
      ['registered', 'metered'],
    ] as const;
    for (const [, to] of moves) {
      const current = (await asStaff(site.app, editor, 'GET', `/translations/${story.en.id}`)).json();
      expect(
        (
          await asStaff(site.app, editor, 'PUT', `/translations/${story.en.id}`, {
            ...text(current.title, current.version),
            accessLevel: to,
          })
        ).statusCode,
      ).toBe(200);
    }
    const all = [];
    for (let page = 1; ; page++) {
      const items = (await asStaff(site.app, admin, 'GET', `/audit?page=${page}`)).json().items;
      if (items.length === 0) break;
      all.push(...items);
    }
    const entries = all.filter(
      (e: { action: string; subject: { id: string } }) => e.action === 'story.accessChange' && e.subject.id === story.en.storyId,
    );
    // Entries of one millisecond have no defined order (the test clock stands still): compare as a set.
    const pairs = entries.map((e: { details: { from: string | null; to: string } }) => `${e.details.from}>${e.details.to}`).sort();
    expect(pairs).toEqual(['null>paid', ...moves.map(([from, to]) => `${from}>${to}`)].sort());
    for (const e of entries) expect(e.actor).toEqual({ staffId: editor.staff.id, name: 'Desk Editor', apiKeyId: null });
  });
});
