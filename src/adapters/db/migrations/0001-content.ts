import { sql, type Kysely } from 'kysely';

/** The content model: stories as translation groups, authors, topics, sections, images. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('credit_agency', 'text')
    .addColumn('credit_photographer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('image_texts')
    .addColumn('image_id', 'text', (c) => c.notNull().references('images.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addPrimaryKeyConstraint('image_texts_pk', ['image_id', 'locale'])
    .execute();

  await db.schema
    .createTable('authors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('avatar_image_id', 'text', (c) => c.references('images.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('author_bios')
    .addColumn('author_id', 'text', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('author_bios_pk', ['author_id', 'locale'])
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('section_translations')
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('section_translations_pk', ['section_id', 'locale'])
    .addUniqueConstraint('section_translations_slug', ['locale', 'slug'])
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('place', 'person', 'organization', 'theme')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('topic_translations')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_translations_pk', ['topic_id', 'locale'])
    .addUniqueConstraint('topic_translations_slug', ['locale', 'slug'])
    .execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'text', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('lead_image_id', 'text', (c) => c.references('images.id').onDelete('set null'))
    .addColumn('original_locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('story_translations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished')`))
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('is_original', 'integer', (c) => c.notNull())
    .addColumn('translated_from', 'text')
    .addColumn('provenance', 'text', (c) => c.notNull().check(sql`provenance in ('original', 'newsroom', 'machine', 'partner')`))
    .addColumn('provenance_credit', 'text')
    .addColumn('reading_minutes', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('story_translations_slug', ['locale', 'slug'])
    .addUniqueConstraint('story_translations_locale', ['story_id', 'locale'])
    .execute();

  await db.schema
    .createTable('story_authors')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_authors_pk', ['story_id', 'author_id'])
    .execute();
  await db.schema.createIndex('story_authors_author').on('story_authors').columns(['author_id', 'story_id']).execute();

  await db.schema
    .createTable('story_topics')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_topics_pk', ['story_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('story_topics_topic').on('story_topics').columns(['topic_id', 'story_id']).execute();

  await db.schema
    .createTable('slug_history')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('slug_history_pk', ['entity', 'locale', 'slug'])
    .execute();

  // The read model behind every listing: per edition, the one translation of each story it shows.
  await db.schema
    .createTable('edition_entries')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('translation_id', 'text', (c) => c.notNull().references('story_translations.id').onDelete('cascade'))
    .addColumn('section_id', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('is_fallback', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_entries_pk', ['edition', 'story_id'])
    .execute();
  await db.schema.createIndex('edition_entries_latest').on('edition_entries').columns(['edition', 'published_at']).execute();
  await db.schema.createIndex('edition_entries_section').on('edition_entries').columns(['edition', 'section_id', 'published_at']).execute();
  await db.schema.createIndex('edition_entries_translation').on('edition_entries').column('translation_id').execute();
  // Writes recompute a story's entries in every edition: find them without scanning the table.
  await db.schema.createIndex('edition_entries_story').on('edition_entries').column('story_id').execute();

  await db.schema
    .createTable('site_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
