import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { asStaff, setUpAdmin, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/** Ids that name nothing: made-up, another kind's, wrong shape, with odd characters. */
const UNKNOWN_IDS = ['does-not-exist', '01J0000000000000000000000', 'x', '../etc', 'ölçü', "'; drop table stories; --"];

/** The field a 400 names: `details.field` (use cases) or one of `details.fields` (schemas). */
function namedFields(body: { error: { details: { field?: string; fields?: Array<{ path: string }> } } }): string[] {
  const { field, fields } = body.error.details;
  return [...(field ? [field] : []), ...(fields ?? []).map((f) => f.path)];
}

describe.each(DIALECTS)('story input the newsroom can get wrong (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
  });
  afterAll(async () => {
    await site?.close();
  });

  const create = (fields: object) =>
    asStaff(site.app, admin, 'POST', '/stories', { locale: 'en', title: 'Reference check', body: paragraphs('Text.'), ...fields });

  it('answers 400 naming the field for an unknown section, topic, author or lead image, on create and on save', async () => {
    const { sectionId, topicId, authorId } = site.fixture;
    const draft = await create({});
    expect(draft.statusCode).toBe(201);
    let version = draft.json().version as number;
    for (const unknown of UNKNOWN_IDS) {
      const cases: Array<[string, object]> = [
        ['sectionId', { sectionId: unknown }],
        ['topicIds', { topicIds: [topicId, unknown] }],
        ['authorIds', { authorIds: [unknown, authorId] }],
        ['leadImageId', { leadImageId: unknown }],
        // Another kind's id is not a section.
        ['sectionId', { sectionId: topicId === unknown ? unknown : authorId }],
      ];
      for (const [field, fields] of cases) {
        const created = await create({ sectionId, ...fields });
        expect(created.statusCode, `${field} ${unknown}: ${created.body}`).toBe(400);
        expect(created.json().error).toMatchObject({ code: 'invalid_input', details: { field } });
        const saved = await asStaff(site.app, admin, 'PUT', `/translations/${draft.json().id}`, {
          title: 'Reference check',
          body: paragraphs('Text.'),
          version,
          ...fields,
        });
        expect(saved.statusCode, `${field} ${unknown}: ${saved.body}`).toBe(400);
        expect(saved.json().error.details.field).toBe(field);
      }
    }
    // Nothing was written: the draft is as it was, and known references still save.
    const ok = await asStaff(site.app, admin, 'PUT', `/translations/${draft.json().id}`, {
      title: 'Reference check',
      body: paragraphs('Text.'),
      version,
      sectionId,
      topicIds: [topicId],
      authorIds: [authorId],
    });
    expect(ok.statusCode).toBe(200);
    version = ok.json().version;
    expect(version).toBe(2);
  });

  it("refuses slugs outside the edition's alphabet with 400 naming the field, for stories and topics", async () => {
    const bad = [
      '.',
      '..',
      'a.b',
      'news\u202Etxt.exe',
      '\u202Eabc',
      'zero\u200Bwidth',
      'soft\u00ADhyphen',
      'bell\u0007',
      'Upper',
      'two  spaces',
      'tab\there',
      'a--b',
      '-lead',
    ];
    for (const [locale, word] of [
      ['en', 'news'],
      ['tr', 'haber'],
      ['ar', 'خبر'],
      ['fa', 'خبر'],
    ] as const) {
      for (const slug of [...bad, `${word}\u202E`, `\u2067${word}`, `${word}\u200F`]) {
        const res = await asStaff(site.app, admin, 'POST', '/stories', { locale, title: 'Slug check', slug, body: paragraphs('Text.') });
        expect(res.statusCode, `${locale} ${JSON.stringify(slug)}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
        expect(namedFields(res.json())).toContain('slug');
        const topic = await asStaff(site.app, admin, 'POST', '/topics', { kind: 'theme', names: [{ locale, name: 'Slug check', slug }] });
        expect(topic.statusCode, `${locale} ${JSON.stringify(slug)}: ${topic.body}`).toBe(400);
        expect(namedFields(topic.json()).some((f) => /^names\.(\d+\.)?slug$/.test(f))).toBe(true);
      }
    }
    for (const [locale, slug] of [
      ['en', 'good-news-2024'],
      ['tr', 'iyi-haber-büyüme'],
      ['ar', 'خبر-سار'],
      ['fa', 'خبر‌های-خوب'],
    ] as const) {
      const res = await asStaff(site.app, admin, 'POST', '/stories', { locale, title: 'Slug check', slug, body: paragraphs('Text.') });
      expect(res.statusCode, `${locale} ${slug}: ${res.body}`).toBe(201);
      expect(res.json().slug).toBe(slug);
    }
  });
});
