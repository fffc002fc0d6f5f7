import type { Kysely } from 'kysely';

/**
 * The page-change log (docs/adr/0004-page-invalidation.md): one row per committed change to what
 * reader pages show, with the keys of the pages it affects, written in the change's transaction.
 * Web processes on SQLite poll it by rowid (SQLite commits writers one at a time, so rowid order is
 * commit order); on PostgreSQL each row is also announced by NOTIFY at commit. Rows are kept for a
 * few minutes only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_invalidations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_invalidations_created').on('page_invalidations').column('created_at').execute();
}
