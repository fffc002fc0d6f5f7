import { sql, type Kysely } from 'kysely';

/**
 * The newsroom's editorial state: who started a story, its access level, SEO fields, revisions on
 * every save, corrections, and what a translation was last synced against.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('stories')
    .addColumn('access_level', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema.alterTable('stories').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('story_translations').addColumn('seo_title', 'text').execute();
  await db.schema.alterTable('story_translations').addColumn('seo_description', 'text').execute();
  await db.schema.alterTable('story_translations').addColumn('created_by', 'text').execute();
  // The version of the source translation this translation was last brought in line with.
  await db.schema.alterTable('story_translations').addColumn('synced_source_version', 'integer').execute();

  await db.schema
    .createTable('story_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('translation_id', 'text', (c) => c.notNull().references('story_translations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('story_revisions_version', ['translation_id', 'version'])
    .execute();

  await db.schema
    .createTable('story_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('translation_id', 'text', (c) => c.notNull().references('story_translations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('correction', 'update')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_corrections_translation').on('story_corrections').columns(['translation_id', 'created_at']).execute();
  await db.schema.createIndex('story_translations_status').on('story_translations').columns(['status', 'updated_at']).execute();
}
