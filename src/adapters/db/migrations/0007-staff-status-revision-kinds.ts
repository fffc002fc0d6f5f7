import { sql, type Kysely } from 'kysely';

/**
 * Staff lifecycle and bounded revisions:
 * - `staff.status`: active | deactivated | deleted. Deactivated and deleted accounts cannot sign
 *   in, their sessions end and their API keys are revoked; rows are never removed, so what they
 *   wrote and the audit log keep naming them.
 * - `story_revisions.kind`: autosave | save | restore | workflow, and `started_at`, the first save
 *   an autosave revision collects (autosaves within a window coalesce into one revision).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'deactivated', 'deleted')`),
    )
    .execute();
  await db.schema
    .alterTable('story_revisions')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('save')
        .check(sql`kind in ('autosave', 'save', 'restore', 'workflow')`),
    )
    .execute();
  await db.schema.alterTable('story_revisions').addColumn('started_at', 'text').execute();
  await db.schema.createIndex('api_keys_created_by').on('api_keys').column('created_by').execute();
}
