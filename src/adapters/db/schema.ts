import type { Generated } from 'kysely';
import type { EditorialStoryColumns, EditorialTables, EditorialTranslationColumns } from './schema-editorial.js';
import type { JobTables } from './schema-jobs.js';
import type { MediaTables } from './schema-media.js';
import type { MemberTables } from './schema-members.js';
import type { PageChangeTables } from './schema-page-changes.js';
import type { StaffTables } from './schema-staff.js';

/**
 * The database as Kysely sees it. Columns are snake_case; timestamps are ISO-8601 UTC text
 * ("2026-11-26T12:00:00.000Z") and booleans are 0/1 integers, identical on SQLite and PostgreSQL
 * (see docs/adr/0002-portable-column-types.md).
 */
export interface AuthorsTable {
  id: string;
  slug: string;
  name: string;
  avatar_image_id: string | null;
  /** The staff account this author is, if any (migration 0013). */
  staff_id?: string | null;
  created_at: string;
}

export interface AuthorBiosTable {
  author_id: string;
  locale: string;
  bio: string;
}

export interface SectionsTable {
  id: string;
  position: number;
  created_at: string;
}

export interface SectionTranslationsTable {
  section_id: string;
  locale: string;
  name: string;
  slug: string;
}

export interface TopicsTable {
  id: string;
  kind: string;
  created_at: string;
}

export interface TopicTranslationsTable {
  topic_id: string;
  locale: string;
  name: string;
  slug: string;
}

export interface ImagesTable {
  id: string;
  path: string;
  width: number;
  height: number;
  mime: string;
  credit_agency: string | null;
  credit_photographer: string | null;
  created_at: string;
}

export interface ImageTextsTable {
  image_id: string;
  locale: string;
  alt: string;
  caption: string | null;
}

export interface StoriesTable extends Partial<EditorialStoryColumns> {
  id: string;
  section_id: string | null;
  lead_image_id: string | null;
  original_locale: string;
  created_at: string;
  updated_at: string;
}

export interface StoryTranslationsTable extends Partial<EditorialTranslationColumns> {
  id: string;
  story_id: string;
  locale: string;
  title: string;
  dek: string;
  body: string;
  slug: string;
  status: string;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  is_original: number;
  translated_from: string | null;
  provenance: string;
  provenance_credit: string | null;
  reading_minutes: number;
  version: Generated<number>;
}

export interface StoryAuthorsTable {
  story_id: string;
  author_id: string;
  position: number;
}

export interface StoryTopicsTable {
  story_id: string;
  topic_id: string;
  position: number;
}

export interface SlugHistoryTable {
  entity: string;
  locale: string;
  slug: string;
  target_id: string;
  created_at: string;
}

export interface EditionEntriesTable {
  edition: string;
  story_id: string;
  translation_id: string;
  section_id: string | null;
  published_at: string;
  is_fallback: number;
}

/** Per edition, a listed story under each of its topics and authors (migration 0010). */
export interface EditionTagEntriesTable {
  edition: string;
  kind: 'topic' | 'author';
  tag_id: string;
  story_id: string;
  published_at: string;
}

/** A story's related stories in an edition, best first, as space-separated ids (migration 0010). */
export interface StoryRelatedTable {
  story_id: string;
  edition: string;
  related_ids: string;
}

export interface SiteMetaTable {
  key: string;
  value: string;
}

/** Tables of the content model (migration 0001). */
export interface ContentTables {
  authors: AuthorsTable;
  author_bios: AuthorBiosTable;
  sections: SectionsTable;
  section_translations: SectionTranslationsTable;
  topics: TopicsTable;
  topic_translations: TopicTranslationsTable;
  images: ImagesTable;
  image_texts: ImageTextsTable;
  stories: StoriesTable;
  story_translations: StoryTranslationsTable;
  story_authors: StoryAuthorsTable;
  story_topics: StoryTopicsTable;
  slug_history: SlugHistoryTable;
  edition_entries: EditionEntriesTable;
  edition_tag_entries: EditionTagEntriesTable;
  story_related: StoryRelatedTable;
  site_meta: SiteMetaTable;
}

/** The whole database: each module's tables are declared beside its migration. */
export interface DB extends ContentTables, StaffTables, JobTables, EditorialTables, MediaTables, MemberTables, PageChangeTables {}
