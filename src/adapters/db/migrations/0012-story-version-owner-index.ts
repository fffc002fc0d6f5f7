import type { Kysely } from 'kysely';

/**
 * - `stories.version`: the optimistic lock of the story-wide settings (access level, section, lead
 *   image, authors, topics), which every language version shares. A save that changes them bumps
 *   it; one sent with a stale `storyVersion` is refused (editorial README), so an editor's screen
 *   holding an old copy cannot undo another editor's change made through another language version.
 * - Indexes by creator, for "my stories" in the admin (a writer sees the stories they started and
 *   the language versions they created): the list reads the owner's own rows off these, not a
 *   window of the newsroom's latest translations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('stories')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('stories_created_by').on('stories').column('created_by').execute();
  await db.schema
    .createIndex('story_translations_created_by')
    .on('story_translations')
    .columns(['created_by', 'updated_at', 'id'])
    .execute();
}
