import type { Kysely } from 'kysely';

/**
 * `authors.staff_id`: the staff account an author is (optional), so the editor offers a writer's
 * own byline first. Deleting the account keeps the author (their byline stays on their stories).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('authors')
    .addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('authors_staff').on('authors').column('staff_id').execute();
}
