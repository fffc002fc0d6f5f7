import type { Kysely } from 'kysely';

/**
 * Reader pages at archive scale (issue #7): every reader query is an indexed range of a bounded
 * length. Adds the per-edition topic and author listings (`edition_tag_entries`), the stored
 * related stories (`story_related`), and indexes that end in `story_id` so "latest first, then by
 * id" is read straight off the index. The tables are filled by the edition read model rebuild at
 * start (its fingerprint carries a read-model version), never here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Per edition, each listed story once per topic and once per author: listings by topic or
  // author are then one range of the primary key (latest first read backwards), as sections are
  // of edition_entries_section.
  await db.schema
    .createTable('edition_tag_entries')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('edition_tag_entries_pk', ['edition', 'kind', 'tag_id', 'published_at', 'story_id'])
    .execute();
  await db.schema.createIndex('edition_tag_entries_story').on('edition_tag_entries').column('story_id').execute();

  // A story's related stories in an edition, best first (space-separated ids): computed when the
  // story is written, read with the story in the page's first statement.
  await db.schema
    .createTable('story_related')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('related_ids', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_related_pk', ['story_id', 'edition'])
    .execute();

  await db.schema.dropIndex('edition_entries_latest').execute();
  await db.schema.dropIndex('edition_entries_section').execute();
  await db.schema.createIndex('edition_entries_latest').on('edition_entries').columns(['edition', 'published_at', 'story_id']).execute();
  await db.schema
    .createIndex('edition_entries_section')
    .on('edition_entries')
    .columns(['edition', 'section_id', 'published_at', 'story_id'])
    .execute();

  // The newsroom's reads (issue #7, admin API): the story list latest-updated first, whole or by
  // language, each a range of an index (by status: story_translations_status, migration 0004).
  await db.schema.createIndex('story_translations_updated').on('story_translations').columns(['updated_at', 'id']).execute();
  await db.schema
    .createIndex('story_translations_locale_updated')
    .on('story_translations')
    .columns(['locale', 'updated_at', 'id'])
    .execute();
}
