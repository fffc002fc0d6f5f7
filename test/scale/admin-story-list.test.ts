import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorialKyselyReads } from '../../src/adapters/db/repositories/editorial/editorial-reads.js';
import { DIALECTS } from '../support/databases.js';
import { asStaff, setUpAdmin, type StaffSession } from '../support/staff.js';
import { startScaleSite, type ScaleSite } from './reader-site.js';

/**
 * Issue #7, the newsroom's story list at scale: counting stops at a bound (`capped`), pages end
 * where the count stops, filters and `q` work within their bounded window.
 */
describe.each(DIALECTS)('admin story list at scale (%s)', (dialect) => {
  let site: ScaleSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await startScaleSite(dialect, 120);
    admin = await setUpAdmin(site.app);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  it('counts exactly below the bound and says "capped" at it', async () => {
    const reads = new EditorialKyselyReads(site.services.database.db);
    const all = await reads.list({ page: 1 }, 25, null, 10_000);
    expect(all.capped).toBe(false);
    expect(all.total).toBeGreaterThan(120);
    const capped = await reads.list({ page: 1 }, 25, null, 50);
    expect(capped).toMatchObject({ total: 50, capped: true });
    expect(capped.items).toHaveLength(25);
  });

  it('lists latest updated first through the API, with an exact total, and refuses a page past the last', async () => {
    const res = await asStaff(site.app, admin, 'GET', '/stories?status=published');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ capped: false, page: 1, pageSize: 25 });
    expect(body.items).toHaveLength(25);
    const times: string[] = body.items.map((i: { updatedAt: string }) => i.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const deep = await asStaff(site.app, admin, 'GET', '/stories?page=41');
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.code).toBe('invalid_input');
  });

  it('finds a title by a case-insensitive part of it, and narrows by author within the window', async () => {
    const db = site.services.database.db;
    const sample = await db
      .selectFrom('story_translations')
      .select(['title'])
      .where('locale', '=', 'en')
      .orderBy('updated_at', 'desc')
      .executeTakeFirstOrThrow();
    const word = sample.title.split(' ').slice(1, 3).join(' ').toUpperCase();
    const found = (await asStaff(site.app, admin, 'GET', `/stories?q=${encodeURIComponent(word)}`)).json();
    expect(found.items.length).toBeGreaterThan(0);
    for (const item of found.items) expect(item.title.toLowerCase()).toContain(word.toLowerCase());
    const author = await db.selectFrom('authors').select('id').orderBy('slug').executeTakeFirstOrThrow();
    const byAuthor = (await asStaff(site.app, admin, 'GET', `/stories?authorId=${author.id}`)).json();
    expect(byAuthor.items.length).toBeGreaterThan(0);
    for (const item of byAuthor.items) expect(item.authorIds).toContain(author.id);
  });
});
