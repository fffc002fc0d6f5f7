import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownWindow, SEARCH_WINDOW } from '../../src/adapters/db/repositories/editorial/editorial-reads.js';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { asStaff, setUpAdmin, signIn, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/**
 * "My stories" in the admin (a writer's list: the stories they started and the language versions
 * they created) finds their stories however old: it is not cut by the newsroom-wide window of the
 * latest SEARCH_WINDOW translations that section, author, topic and `q` narrow within. The newsroom's
 * newer translations are written straight into the database (the API would take minutes).
 */
describe.each(DIALECTS)("a writer's own stories in the admin list, however old (%s)", (dialect) => {
  let site: TestSite;
  let writer: StaffSession;
  let mine: { id: string; storyId: string };

  beforeAll(async () => {
    site = await startTestSite(dialect);
    const admin = await setUpAdmin(site.app);
    const created = await asStaff(site.app, admin, 'POST', '/staff', {
      email: 'wren@example.org',
      name: 'Wren',
      role: 'writer',
      password: 'a long enough password',
    });
    expect(created.statusCode).toBe(201);
    writer = await signIn(site.app, 'wren@example.org', 'a long enough password');
    mine = (
      await asStaff(site.app, writer, 'POST', '/stories', {
        locale: 'en',
        title: 'Lighthouse keeper retires',
        dek: '',
        body: paragraphs('After forty years.'),
      })
    ).json();
    // The newsroom writes SEARCH_WINDOW stories after it, each with its original.
    const db = site.services.database.db;
    const later = (i: number) => new Date(Date.UTC(2014, 6, 11) + i * 1000).toISOString();
    for (let start = 0; start < SEARCH_WINDOW; start += 500) {
      const batch = Array.from({ length: Math.min(500, SEARCH_WINDOW - start) }, (_, k) => start + k);
      await db
        .insertInto('stories')
        .values(
          batch.map((i) => ({
            id: `bulk-story-${i}`,
            section_id: null,
            lead_image_id: null,
            original_locale: 'en',
            created_at: later(i),
            updated_at: later(i),
            created_by: null,
            access_level: 'public',
          })),
        )
        .execute();
      await db
        .insertInto('story_translations')
        .values(
          batch.map((i) => ({
            id: `bulk-${i}`,
            story_id: `bulk-story-${i}`,
            locale: 'en',
            title: `Lighthouse report ${i}`,
            dek: '',
            body: JSON.stringify(paragraphs('Filler.')),
            slug: `lighthouse-report-${i}`,
            status: 'draft',
            published_at: null,
            updated_at: later(i),
            created_at: later(i),
            is_original: 1,
            translated_from: null,
            provenance: 'original',
            provenance_credit: null,
            reading_minutes: 1,
            version: 1,
            created_by: null,
          })),
        )
        .execute();
    }
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  it("lists them, finds them by title and by status, behind the newsroom's latest translations", async () => {
    for (const path of ['/stories', '/stories?q=keeper', '/stories?q=lighthouse&status=draft&locale=en']) {
      const res = await asStaff(site.app, writer, 'GET', path);
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res.json().items.map((i: { translationId: string }) => i.translationId),
        path,
      ).toEqual([mine.id]);
      expect(res.json()).toMatchObject({ total: 1, capped: false });
    }
  });

  it("reads the writer's own translations off the creator indexes, without scanning a table", async () => {
    const db = site.services.database.db;
    const compiled = ownWindow(db, writer.staff.id).compile();
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((r) => r.detail);
      expect(
        details.filter((d) => /^SCAN (stories|story_translations|os|ot)\b/.test(d)),
        details.join('\n'),
      ).toEqual([]);
      expect(details.join('\n')).toContain('stories_created_by');
      expect(details.join('\n')).toContain('story_translations_created_by');
    } else {
      const plan = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return trx.executeQuery<{ 'QUERY PLAN': unknown }>(
          CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
        );
      });
      const text = JSON.stringify(plan.rows[0]?.['QUERY PLAN']);
      expect(text).not.toContain('Seq Scan');
      expect(text).toContain('stories_created_by');
      expect(text).toContain('story_translations_created_by');
    }
  });
});
