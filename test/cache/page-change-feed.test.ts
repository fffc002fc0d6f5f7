import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { startPageChangeFeed, type PageChangeFeed } from '../../src/adapters/db/page-change-feed.js';
import { PageChangeRecorder } from '../../src/adapters/db/repositories/content/page-change-recorder.js';
import { within } from '../support/cached-servers.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

/** What a web process would do with the notices: here, remember them. */
function recordingListener() {
  const purged: string[][] = [];
  const events: string[] = [];
  let resets = 0;
  return {
    purged,
    events,
    resets: () => resets,
    listener: {
      purge: (keys: readonly string[]) => void purged.push([...keys]),
      purgeAll: () => void (resets += 1),
      suspend: () => void events.push('suspend'),
      resume: () => void events.push('resume'),
    },
  };
}

describe.each(DIALECTS)('page-change feed (%s)', (dialect) => {
  let testDb: TestDatabase;
  let writer: Database;
  let reader: Database;
  let feed: PageChangeFeed | undefined;

  async function open() {
    testDb = await createTestDatabase(dialect);
    writer = await connectDatabase(testDb.config);
    await migrateToLatest(writer.db);
    // Another process's connection, as a second web process has.
    reader = await connectDatabase(testDb.config);
  }
  afterEach(async () => {
    await feed?.close();
    feed = undefined;
    await reader?.close();
    await writer?.close();
    await testDb?.drop();
  });

  const url = () => (testDb.config.kind === 'postgres' ? testDb.config.url : undefined);

  it('delivers committed changes to another connection within 1 s, in commit order, and never a rolled-back one', async () => {
    await open();
    const seen = recordingListener();
    feed = await startPageChangeFeed(reader, seen.listener, { ...(url() && { url: url() }) });
    const recorder = new PageChangeRecorder(writer.dialect);
    await writer.db.transaction().execute((trx) => recorder.record(trx, ['story-a', 'home-en', 'story-a']));
    await writer.db
      .transaction()
      .execute(async (trx) => {
        await recorder.record(trx, ['story-rolled-back']);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await writer.db.transaction().execute((trx) => recorder.record(trx, ['story-b']));
    expect(await within(1000, async () => seen.purged.length >= 2)).toBe(true);
    expect(seen.purged).toEqual([['story-a', 'home-en'], ['story-b']]);
    // Catching up applies nothing twice.
    await feed.catchUp();
    expect(seen.purged).toHaveLength(2);
  });

  it('catchUp applies a change committed by another connection at once', async () => {
    await open();
    const seen = recordingListener();
    feed = await startPageChangeFeed(reader, seen.listener, { ...(url() && { url: url() }), pollMs: 60_000 });
    await writer.db.transaction().execute((trx) => new PageChangeRecorder(writer.dialect).record(trx, ['topic-t']));
    await feed.catchUp();
    expect(seen.purged.flat()).toContain('topic-t');
  });

  // PostgreSQL only: SQLite has no connection to lose (its log is read by rowid).
  if (dialect === 'postgres')
    it('after losing its listening connection, keeps no page until it listens again, then keeps listening', async () => {
      await open();
      const seen = recordingListener();
      feed = await startPageChangeFeed(reader, seen.listener, { url: url() as string });
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      try {
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
        );
      } finally {
        await admin.end();
      }
      // At once: no cached page may outlive a change it can no longer hear about.
      expect(await within(1000, async () => seen.events.includes('suspend'))).toBe(true);
      expect(await within(5000, async () => seen.resets() > 0 && seen.events.at(-1) === 'resume')).toBe(true);
      expect(seen.events).toEqual(['suspend', 'resume']);
      await writer.db.transaction().execute((trx) => new PageChangeRecorder(writer.dialect).record(trx, ['story-after']));
      expect(await within(1000, async () => seen.purged.flat().includes('story-after'))).toBe(true);
    });
});
