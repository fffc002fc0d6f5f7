import { sql, type Kysely, type Transaction } from 'kysely';
import { cdnPurgeJob, distinctKeys, pageKeys } from '../../../../modules/content/index.js';
import type { NewJob } from '../../../../modules/jobs/index.js';
import { newId } from '../../../../shared/ids.js';
import type { Dialect } from '../../connect.js';
import type { DB } from '../../schema.js';

/** The PostgreSQL channel every web process listens on (adapters/db/page-change-feed.ts). */
export const PAGE_CHANGE_CHANNEL = 'masthead_page_changes';
/** Rows older than this are deleted; a process that slept longer empties its whole cache (page-change-feed.ts). */
export const PAGE_CHANGE_RETENTION_MS = 10 * 60_000;
// NOTIFY payloads are limited to 8000 bytes: a bigger change is announced as "everything".
const MAX_NOTIFY_BYTES = 7000;

/** Adds a job in the caller's transaction (KyselyJobQueue.enqueueIn). */
export type EnqueueIn = (executor: Kysely<DB>, job: NewJob) => Promise<unknown>;

/** Records the page keys a change affects, in the change's transaction. */
export interface PageChanges {
  record(trx: Transaction<DB>, keys: Iterable<string>): Promise<void>;
}

/** For bulk rebuilds that record one "everything" change themselves instead of one per story. */
export const UNRECORDED: PageChanges = { record: async () => undefined };

/**
 * Records, inside the transaction of a change, the keys of the reader pages it affects
 * (src/modules/content/page-keys.ts): one `page_invalidations` row that every process reads
 * (SQLite: polled by rowid; PostgreSQL: also announced with NOTIFY, which is delivered at commit
 * and never for a rolled-back change), and, when a CDN purge URL is configured, a `cdn.purge` job.
 * Every write path to stories goes through `refreshEntries` (content-write-steps.ts), which calls
 * this, so no write can forget it.
 */
export class PageChangeRecorder implements PageChanges {
  private recorded = 0;

  constructor(
    private readonly dialect: Dialect,
    /** Present when CDN_PURGE_URL is set: the CDN is told through the durable job queue. */
    private readonly enqueueCdnPurge: EnqueueIn | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  async record(trx: Transaction<DB>, keys: Iterable<string>): Promise<void> {
    const unique = distinctKeys(keys);
    if (unique.length === 0) return;
    const at = this.now();
    const id = newId(at);
    const json = JSON.stringify(unique);
    await trx
      .insertInto('page_invalidations')
      .values({ id, keys: json, created_at: new Date(at).toISOString() })
      .execute();
    // Old rows are pruned now and then (every 20th change of this process), not on every write.
    if (this.recorded++ % 20 === 0) {
      await trx
        .deleteFrom('page_invalidations')
        .where('created_at', '<', new Date(at - PAGE_CHANGE_RETENTION_MS).toISOString())
        .execute();
    }
    if (this.dialect === 'postgres') {
      const payload = JSON.stringify({ id, keys: json.length > MAX_NOTIFY_BYTES ? [pageKeys.site] : unique });
      await sql`select pg_notify(${PAGE_CHANGE_CHANNEL}, ${payload})`.execute(trx);
    }
    if (this.enqueueCdnPurge) {
      const purge = unique.length > 1000 ? [pageKeys.site] : unique;
      await this.enqueueCdnPurge(trx, cdnPurgeJob.create({ keys: purge }));
    }
  }
}

/**
 * The listing keys a story belongs to now (its section, topics and authors), read in the caller's
 * transaction. Called before a change (the listings it leaves) and after (the ones it joins).
 */
export async function membershipKeys(trx: Transaction<DB>, storyIds: readonly string[]): Promise<string[]> {
  if (storyIds.length === 0) return [];
  const ids = [...storyIds];
  const [sections, topics, authors] = await Promise.all([
    trx.selectFrom('stories').select('section_id').where('id', 'in', ids).where('section_id', 'is not', null).execute(),
    trx.selectFrom('story_topics').select('topic_id').where('story_id', 'in', ids).execute(),
    trx.selectFrom('story_authors').select('author_id').where('story_id', 'in', ids).execute(),
  ]);
  return [
    ...sections.map((s) => pageKeys.section(s.section_id as string)),
    ...topics.map((t) => pageKeys.topic(t.topic_id)),
    ...authors.map((a) => pageKeys.author(a.author_id)),
  ];
}
