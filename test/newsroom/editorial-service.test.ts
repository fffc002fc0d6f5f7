import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorialKyselyRepository } from '../../src/adapters/db/repositories/editorial/editorial-kysely-repository.js';
import { EditorialKyselyReads } from '../../src/adapters/db/repositories/editorial/editorial-reads.js';
import { AuditLogKyselyRepository } from '../../src/adapters/db/repositories/staff/audit-log-kysely-repository.js';
import { AuditLog } from '../../src/modules/newsroom/staff/audit-log.js';
import type { EditorialAudit } from '../../src/modules/newsroom/editorial/editorial-service.js';
import { EditorialService } from '../../src/modules/newsroom/editorial/editorial-service.js';
import type { Actor, Role } from '../../src/modules/newsroom/permissions.js';
import { AppError } from '../../src/shared/errors.js';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

const actor = (role: Role, staffId: string, locales: string[] = []): Actor => ({
  kind: 'staff',
  staffId,
  apiKeyId: null,
  role,
  locales,
  name: staffId,
});
const editor = actor('editor', 'ed-1');
const writer = actor('writer', 'wr-1');
const otherWriter = actor('writer', 'wr-2');
const translatorTr = actor('translator', 'tr-1', ['tr']);

async function rejects(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.each(DIALECTS)('editorial workflow (%s)', (dialect) => {
  let site: TestSite;
  let service: EditorialService;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    service = withAudit(undefined);
  });
  /** The editorial service over the real repositories, with this audit log. */
  const withAudit = (audit: EditorialAudit | undefined) =>
    new EditorialService({
      repo: new EditorialKyselyRepository(site.services.database.db, site.services.pageChanges),
      reads: new EditorialKyselyReads(site.services.database.db),
      editions: site.services.editions,
      clock: site.clock,
      ...(audit && { audit }),
    });
  const auditRows = (subjectId: string) =>
    site.services.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', subjectId).execute();
  afterAll(async () => {
    await site?.close();
  });
  const page = (url: string) => site.app.inject({ method: 'GET', url });

  it('a writer drafts, saves with the version, and a stale save is refused without overwriting', async () => {
    const draft = await service.createStory(writer, {
      locale: 'en',
      title: 'Ferry timetable changes',
      dek: 'Winter schedule',
      body: paragraphs('First draft.'),
    });
    expect(draft.status).toBe('draft');
    expect(draft.slug).toBe('ferry-timetable-changes');
    expect(draft.version).toBe(1);
    const saved = await service.update(writer, draft.id, {
      title: 'Ferry timetable changes',
      dek: 'Winter schedule',
      body: paragraphs('Second draft.'),
      version: 1,
    });
    expect(saved.version).toBe(2);
    const stale = await rejects(
      service.update(writer, draft.id, { title: 'Overwrite', dek: '', body: paragraphs('Lost update.'), version: 1 }),
      'conflict',
    );
    expect(stale.details.currentVersion).toBe(2);
    expect((await service.get(writer, draft.id)).body).toEqual(paragraphs('Second draft.'));
    // Another writer cannot even see it; the writer cannot publish it.
    await rejects(service.get(otherWriter, draft.id), 'not_found');
    await rejects(service.transition(writer, draft.id, { to: 'published' }), 'forbidden');
  });

  it('two editors saving the same version at the same moment: one wins, the other gets a conflict', async () => {
    const draft = await service.createStory(editor, { locale: 'en', title: 'Race check', dek: '', body: paragraphs('Start.') });
    const results = await Promise.allSettled(
      ['First editor text.', 'Second editor text.'].map((text) =>
        service.update(editor, draft.id, { title: 'Race check', dek: '', body: paragraphs(text), version: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failure.reason as AppError).code).toBe('conflict');
    const saved = await service.get(editor, draft.id);
    expect(saved.version).toBe(2);
    expect((await service.revisions(editor, draft.id, { limit: 50 })).items.length).toBe(2);
  });

  it('two editors changing story-wide settings through two language versions at once: one wins, the other gets a conflict', async () => {
    const en = await service.createStory(editor, {
      locale: 'en',
      title: 'Toll race',
      dek: '',
      body: paragraphs('Start.'),
      accessLevel: 'metered',
    });
    const tr = await service.startTranslation(editor, en.id, { locale: 'tr', provenance: 'newsroom' });
    expect(en.story.version).toBe(1);
    const results = await Promise.allSettled([
      service.update(editor, en.id, {
        title: 'Toll race',
        dek: '',
        body: paragraphs('Start.'),
        version: en.version,
        accessLevel: 'paid',
        storyVersion: 1,
      }),
      service.update(editor, tr.id, {
        title: 'Geçiş yarışı',
        dek: '',
        body: paragraphs('Başla.'),
        version: tr.version,
        accessLevel: 'public',
        storyVersion: 1,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: 'conflict', details: { reason: 'story_changed', storyVersion: 2 } });
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    const now = await service.get(editor, en.id);
    expect(now.story).toMatchObject({ accessLevel: winner === 0 ? 'paid' : 'public', version: 2 });
    // The loser's text was not written either.
    expect((await service.get(editor, winner === 0 ? tr.id : en.id)).version).toBe(winner === 0 ? tr.version : en.version);
  });

  it('refuses an invalid document naming the bad node, and saves nothing', async () => {
    const draft = await service.createStory(writer, { locale: 'en', title: 'Bad body check', dek: '', body: paragraphs('ok') });
    const error = await rejects(
      service.update(writer, draft.id, {
        title: 'Bad body check',
        dek: '',
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
            },
          ],
        },
        version: 1,
      }),
      'invalid_document',
    );
    expect(JSON.stringify(error.details)).toContain('content[0].content[0].marks[0].attrs.href');
    expect((await service.get(writer, draft.id)).version).toBe(1);
  });

  it('keeps a revision per save, shows a diff and restores an earlier text as a new revision', async () => {
    const draft = await service.createStory(editor, {
      locale: 'en',
      title: 'Budget vote',
      dek: '',
      body: paragraphs('The council voted on Monday.'),
    });
    await service.update(editor, draft.id, {
      title: 'Budget vote',
      dek: '',
      body: paragraphs('The council voted on Tuesday.'),
      version: 1,
    });
    const revisions = (await service.revisions(editor, draft.id, { limit: 50 })).items;
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    const first = revisions[1]!;
    const diff = await service.diff(editor, draft.id, first.id);
    expect(diff.body).toContainEqual({ op: 'delete', text: 'Monday.' });
    expect(diff.body).toContainEqual({ op: 'insert', text: 'Tuesday.' });
    const restored = await service.restore(editor, draft.id, first.id, 2);
    expect(restored.version).toBe(3);
    expect(restored.body).toEqual(paragraphs('The council voted on Monday.'));
    expect((await service.revisions(editor, draft.id, { limit: 50 })).items.length).toBe(3);
  });

  it('moves through review to publication and onto the site, with an edition entry and corrections', async () => {
    const draft = await service.createStory(writer, {
      locale: 'en',
      title: 'Harbour dredging begins',
      dek: 'Work starts',
      body: paragraphs('Dredgers arrived.'),
      sectionId: site.fixture.sectionId,
    });
    const inReview = await service.transition(writer, draft.id, { to: 'in_review' });
    expect(inReview.status).toBe('in_review');
    await rejects(
      service.update(otherWriter, draft.id, { title: 'x', dek: '', body: paragraphs('x'), version: inReview.version }),
      'not_found',
    );
    const published = await service.transition(editor, draft.id, { to: 'published' });
    expect(published.status).toBe('published');
    expect(published.publishedAt).toBe(site.clock.now().toISOString());
    const url = '/en/2014/07/harbour-dredging-begins';
    expect((await page(url)).statusCode).toBe(200);
    // Writers cannot touch a published story; editors append a correction.
    await rejects(
      service.update(writer, draft.id, { title: 'x', dek: '', body: paragraphs('x'), version: published.version }),
      'forbidden',
    );
    await rejects(service.addCorrection(writer, draft.id, { kind: 'correction', text: 'nope' }), 'forbidden');
    await service.addCorrection(editor, draft.id, { kind: 'correction', text: 'An earlier version misstated the start date.' });
    const body = (await page(url)).body;
    expect(body).toContain('An earlier version misstated the start date.');
    const unpublished = await service.transition(editor, draft.id, { to: 'unpublished' });
    expect(unpublished.status).toBe('unpublished');
    expect((await page(url)).statusCode).toBe(404);
  });

  it('schedules a story: invisible until its time, then published once by the job handler', async () => {
    const draft = await service.createStory(editor, { locale: 'en', title: 'Embargoed census', dek: '', body: paragraphs('Numbers.') });
    const at = '2014-07-11T08:00:00.000Z';
    await rejects(service.transition(editor, draft.id, { to: 'scheduled', publishAt: '2014-07-01T00:00:00Z' }), 'invalid_input');
    const scheduled = await service.transition(editor, draft.id, { to: 'scheduled', publishAt: at });
    expect(scheduled.status).toBe('scheduled');
    expect(await service.publishScheduled(draft.id, at)).toBe('skipped'); // too early
    site.clock.set('2014-07-11T08:00:05Z');
    try {
      expect((await page('/en/2014/07/embargoed-census')).statusCode).toBe(404);
      expect(await service.publishScheduled(draft.id, at)).toBe('published');
      expect(await service.publishScheduled(draft.id, at)).toBe('skipped'); // a second run changes nothing
      expect((await page('/en/2014/07/embargoed-census')).statusCode).toBe(200);
    } finally {
      site.clock.set('2014-07-10T12:00:00Z');
    }
  });

  it('translation desk: a translator translates into Turkish, the source changes, the desk flags it with a diff until synced', async () => {
    const source = await service.createStory(editor, {
      locale: 'en',
      title: 'Olive oil exports rise',
      dek: '',
      body: paragraphs('Exports rose by a tenth.'),
    });
    const live = await service.transition(editor, source.id, { to: 'published' });
    await rejects(service.startTranslation(translatorTr, source.id, { locale: 'ar', provenance: 'newsroom' }), 'forbidden');
    expect(
      (await service.desk(translatorTr, 'tr')).some((i) => i.sourceTranslationId === source.id && i.state === 'needs_translation'),
    ).toBe(true);
    const tr = await service.startTranslation(translatorTr, source.id, {
      locale: 'tr',
      provenance: 'newsroom',
      provenanceCredit: 'Ayşe Demir',
    });
    expect(tr.translatedFrom).toBe('en');
    expect(tr.syncedSourceVersion).toBe(live.version);
    const written = await service.update(translatorTr, tr.id, {
      title: 'Zeytinyağı ihracatı artıyor',
      dek: '',
      body: paragraphs('İhracat yüzde on arttı.'),
      version: tr.version,
    });
    expect(written.slug).toBe('zeytinyagi-ihracati-artiyor');
    await service.transition(translatorTr, tr.id, { to: 'in_review' });
    await rejects(service.transition(translatorTr, tr.id, { to: 'published' }), 'forbidden');
    await service.transition(editor, tr.id, { to: 'published' });
    expect((await service.sourceChanges(translatorTr, tr.id)).sourceUpdated).toBe(false);

    const current = await service.get(editor, source.id);
    await service.update(editor, source.id, {
      title: current.title,
      dek: '',
      body: paragraphs('Exports rose by a fifth.'),
      version: current.version,
    });
    const changes = await service.sourceChanges(translatorTr, tr.id);
    expect(changes.sourceUpdated).toBe(true);
    expect(changes.body).toContainEqual({ op: 'insert', text: 'fifth.' });
    expect((await service.desk(translatorTr, 'tr')).find((i) => i.translationId === tr.id)?.sourceUpdated).toBe(true);
    const synced = await service.markSynced(translatorTr, tr.id, (await service.get(translatorTr, tr.id)).version);
    expect(synced.syncedSourceVersion).toBe((await service.get(editor, source.id)).version);
    expect((await service.sourceChanges(translatorTr, tr.id)).sourceUpdated).toBe(false);
    // Both pages now link each other.
    const en = (await page('/en/2014/07/olive-oil-exports-rise')).body;
    expect(en).toContain('hreflang="tr"');
  });

  it('writes each audit entry in the same transaction as the change it records: a failing entry undoes the change', async () => {
    const audited = withAudit(new AuditLog(new AuditLogKyselyRepository(site.services.database.db), site.clock));
    const draft = await audited.createStory(editor, {
      locale: 'en',
      title: 'Ferry fares frozen',
      dek: '',
      body: paragraphs('Fares stay.'),
      accessLevel: 'paid',
    });
    const published = await audited.transition(editor, draft.id, { to: 'published' });
    await audited.addCorrection(editor, draft.id, { kind: 'update', text: 'Updated with the council vote.' });
    expect((await auditRows(draft.storyId)).map((r) => r.action)).toEqual(['story.accessChange']);
    // The fixed clock gives both entries one time: compare them as a set.
    expect((await auditRows(draft.id)).map((r) => r.action).sort()).toEqual(['story.correct', 'story.publish']);

    // An audit log that cannot write: the change it would record is not made either.
    const failing = withAudit({
      recordIn: async () => {
        throw new Error('the audit log is unavailable');
      },
    });
    await expect(failing.transition(editor, draft.id, { to: 'unpublished' })).rejects.toThrow('the audit log is unavailable');
    const after = await service.get(editor, draft.id);
    expect(after.status).toBe('published');
    expect(after.version).toBe(published.version); // a correction does not bump the version
    expect((await page('/en/2014/07/ferry-fares-frozen')).statusCode).toBe(200);
    await expect(
      failing.update(editor, draft.id, { title: after.title, dek: '', body: after.body, version: after.version, accessLevel: 'public' }),
    ).rejects.toThrow('the audit log is unavailable');
    expect((await service.get(editor, draft.id)).story.accessLevel).toBe('paid');
    await expect(failing.addCorrection(editor, draft.id, { kind: 'correction', text: 'Never shown.' })).rejects.toThrow(
      'the audit log is unavailable',
    );
    expect(await service.corrections(draft.id)).toHaveLength(1);
    const created = await failing
      .createStory(editor, { locale: 'en', title: 'Never started', dek: '', body: paragraphs('x'), accessLevel: 'paid' })
      .catch(() => null);
    expect(created).toBeNull();
    expect(
      await site.services.database.db.selectFrom('story_translations').select('id').where('title', '=', 'Never started').execute(),
    ).toEqual([]);
  });
});
