/**
 * Shapes of the admin API v1 (docs/admin-api.md). Where the contract names a type without spelling
 * out its fields (Translation, StoryListItem, DeskItem, Diff, Image, taxonomy items), the fields the
 * app relies on are required and the rest optional, read defensively (draft-fields.ts, names.ts,
 * diff-parts.ts): the server's present answers (src/modules/newsroom/editorial/editorial-types.ts)
 * keep story-wide settings under `story` and the language versions under `siblings`; flatter forms
 * are read too.
 */
import type { Role } from '../../../src/modules/newsroom/permissions';
import type { StoryDocument } from '../../../src/modules/content/document/document-schema';

export type { Role, StoryDocument };

export type StoryStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';
export type AccessLevel = 'public' | 'metered' | 'registered' | 'paid';
export type Provenance = 'original' | 'newsroom' | 'machine' | 'partner';

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  locales: string[];
  createdAt: string;
  /** deactivated: cannot sign in until reactivated; deleted accounts are not listed. */
  status: 'active' | 'deactivated' | 'deleted';
}

export interface SessionAnswer {
  staff: Staff;
  csrfToken: string;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  prefix: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { staffId: string | null; name: string | null; apiKeyId: string | null };
  action: string;
  subject: { kind: string; id: string };
  details: Record<string, unknown> | null;
}

export interface Paged<T> {
  items: T[];
  /** With `capped`, at least this many: the count stopped where the list stops paging. */
  total: number;
  capped?: boolean;
  page: number;
  pageSize: number;
}

/** A name in one locale, as taxonomy items carry them. */
export interface LocalizedName {
  locale: string;
  name: string;
  slug?: string;
}

/** Sections, authors and topics: "with per-locale names" (an author may just have `name`). */
export interface TaxonomyItem {
  id: string;
  name?: string;
  names?: LocalizedName[] | Record<string, string>;
  slug?: string;
  kind?: string;
}

export type TopicKind = 'place' | 'person' | 'organization' | 'theme';

export interface Rendition {
  width?: number;
  height?: number;
  path?: string;
  url?: string;
  src?: string;
  format?: string;
}

export interface MediaImage {
  id: string;
  path?: string;
  url?: string;
  src?: string;
  width?: number;
  height?: number;
  alt?: string;
  caption?: string | null;
  creditAgency?: string | null;
  creditPhotographer?: string | null;
  texts?: { locale: string; alt?: string; caption?: string | null }[];
  renditions?: Rendition[];
}

export interface TranslationRef {
  id: string;
  locale: string;
  status?: StoryStatus;
  title?: string;
  version?: number;
  isOriginal?: boolean;
  publishedAt?: string | null;
}

/** Settings shared by every language version of a story. */
export interface StorySettings {
  sectionId?: string | null;
  leadImageId?: string | null;
  accessLevel?: AccessLevel;
  authorIds?: string[];
  topicIds?: string[];
  createdBy?: string | null;
  originalLocale?: string;
  /** The settings' version: sent back as `storyVersion` with a save that carries them. */
  version?: number;
}

export interface Correction {
  id?: string;
  translationId?: string;
  kind: 'correction' | 'update';
  text: string;
  at?: string;
  createdAt?: string;
  createdBy?: string | null;
}

export interface Translation {
  id: string;
  storyId: string;
  locale: string;
  version: number;
  status: StoryStatus;
  title: string;
  dek: string;
  body: StoryDocument;
  slug?: string | null;
  sectionId?: string | null;
  topicIds?: string[];
  authorIds?: string[];
  leadImageId?: string | null;
  leadImage?: MediaImage | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  accessLevel?: AccessLevel;
  publishedAt?: string | null;
  publishAt?: string | null;
  scheduledAt?: string | null;
  updatedAt?: string;
  createdAt?: string;
  createdBy?: string | null;
  isOriginal?: boolean;
  translatedFrom?: string | null;
  provenance?: Provenance;
  provenanceCredit?: string | null;
  /** The translation this one was made from, when the server names it. */
  sourceTranslationId?: string | null;
  /** Story-wide settings (the server's present form; older forms put them at the top level). */
  story?: StorySettings;
  /** Every language version of the story, this one included. */
  siblings?: TranslationRef[];
  translations?: TranslationRef[];
  /** Set on a translation whose source changed since it was last marked synced. */
  sourceUpdated?: boolean;
  needsSync?: boolean;
  outOfSync?: boolean;
  /** What changed in the source since the last sync, when the server includes it. */
  sourceDiff?: DiffSet;
  /** The source version or revision this translation was last synced with. */
  syncedSourceVersion?: number | null;
  syncedSourceRevisionId?: string | null;
  corrections?: Correction[];
}

/** TranslationInput (+ `version` for PUT, + `locale` for POST /stories). */
export interface TranslationInput {
  title: string;
  dek: string;
  body: StoryDocument;
  slug?: string;
  /** null removes the section (or lead image); absent leaves it as it is. */
  sectionId?: string | null;
  topicIds?: string[];
  authorIds?: string[];
  leadImageId?: string | null;
  seoTitle?: string;
  seoDescription?: string;
  accessLevel?: AccessLevel;
}

/** A PUT of a translation: the input, the text version it was based on, and the story-wide settings' version when it carries them. */
export interface SaveInput extends TranslationInput {
  version: number;
  storyVersion?: number;
  /** A save the editor made by itself; the server coalesces those into one revision per session. */
  autosave?: boolean;
}

export interface StoryListItem {
  id?: string;
  translationId?: string;
  storyId: string;
  locale: string;
  title: string;
  status: StoryStatus;
  sectionId?: string | null;
  section?: TaxonomyItem | { id: string; name: string } | null;
  authors?: { id: string; name: string }[];
  authorIds?: string[];
  updatedAt?: string;
  publishedAt?: string | null;
  publishAt?: string | null;
  scheduledAt?: string | null;
  translations?: TranslationRef[];
}

export interface RevisionSummary {
  id: string;
  savedAt?: string;
  savedBy?: string | null;
  createdAt?: string;
  at?: string;
  version?: number;
  title?: string;
  author?: { name?: string | null } | null;
  actor?: { name?: string | null } | null;
  staffName?: string | null;
  savedByName?: string | null;
  /** autosave | save | restore | workflow (a status change; `note` is the new status). */
  kind?: 'autosave' | 'save' | 'restore' | 'workflow';
  note?: string | null;
}

/** A diff as the API answers it; the exact form is read defensively by DiffView. */
export type Diff = unknown;
export interface DiffSet {
  title?: Diff;
  dek?: Diff;
  body?: Diff;
}

/** GET /translations/:id/source-changes (served beyond the written contract). */
export interface SourceChanges extends DiffSet {
  sourceUpdated: boolean;
  sourceVersion?: number | null;
}

export interface DeskItem {
  storyId: string;
  /** The translation to work on, when it exists already. */
  translationId?: string | null;
  id?: string;
  locale?: string;
  title?: string | null;
  sourceTitle?: string;
  sourceLocale?: string;
  sourceTranslationId?: string | null;
  /** needs_translation | in_progress | in_review | published */
  state?: string;
  status?: StoryStatus | (string & {});
  reason?: string;
  sourceUpdated?: boolean;
  needsSync?: boolean;
  updatedAt?: string;
  sourceUpdatedAt?: string;
}
