import type { Generated } from 'kysely';
/**
 * Tables and columns added by migration 0004-editorial. Columns it adds to `stories` and
 * `story_translations` are declared here and merged into those tables' types in schema.ts.
 */
export interface StoryRevisionsTable {
  id: string;
  translation_id: string;
  version: number;
  title: string;
  dek: string;
  body: string;
  slug: string;
  saved_by: string | null;
  saved_at: string;
  note: string | null;
  /** autosave | save | restore | workflow (migration 0007). */
  kind: Generated<string>;
  /** For an autosave revision: when the first autosave it collects was made. */
  started_at: string | null;
}

export interface StoryCorrectionsTable {
  id: string;
  translation_id: string;
  kind: string;
  text: string;
  created_by: string | null;
  created_at: string;
}

export interface EditorialStoryColumns {
  access_level: string;
  created_by: string | null;
  /** The story-wide settings' optimistic lock (migration 0012). */
  version: number;
}

export interface EditorialTranslationColumns {
  seo_title: string | null;
  seo_description: string | null;
  created_by: string | null;
  synced_source_version: number | null;
}

export interface EditorialTables {
  story_revisions: StoryRevisionsTable;
  story_corrections: StoryCorrectionsTable;
}
