import { sql, type Kysely } from 'kysely';

/**
 * Media library: every file stored for an image (the full-size master and its responsive
 * renditions) and the folded text library searches match. Images without rows here (demo images,
 * imports) keep working as single files.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('image_renditions')
    .addColumn('image_id', 'text', (c) => c.notNull().references('images.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('avif', 'webp', 'jpeg', 'png')`))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('image_renditions_pk', ['image_id', 'format', 'width'])
    .execute();

  await db.schema
    .createTable('image_search')
    .addColumn('image_id', 'text', (c) => c.primaryKey().references('images.id').onDelete('cascade'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();

  // The library lists newest first.
  await db.schema.createIndex('images_created').on('images').columns(['created_at', 'id']).execute();
}
