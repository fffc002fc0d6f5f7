/**
 * Shapes of the admin API v1 (docs/admin-api.md), taken from the server's own declarations with
 * type-only imports (nothing server-side is bundled): the vocabulary from the content module's zod
 * schemas, the editorial and staff answers from their modules' types, the request bodies from the
 * zod schemas that validate them. So the app cannot drift from what the server sends.
 * Taxonomy items and media images are read defensively (names.ts, media helpers) and stay here.
 */
import type { Role } from '../../../src/modules/newsroom/permissions';
import type { StoryDocument } from '../../../src/modules/content/document/document-schema';
import type { AccessLevel, Provenance, StoryStatus, TopicKind } from '../../../src/modules/content/content-types';
import type { ApiKey, AuditEntry, Page, Staff } from '../../../src/modules/newsroom/staff/staff-types';
import type {
  Correction,
  DeskItem,
  DeskState,
  RevisionSummary,
  StoryListItem,
  TranslationInput as ServerTranslationInput,
  TranslationRecord,
  UpdateTranslationInput,
} from '../../../src/modules/newsroom/editorial/editorial-types';
import type { DiffPart } from '../../../src/modules/newsroom/editorial/text-diff';

export type {
  AccessLevel,
  ApiKey,
  AuditEntry,
  Correction,
  DeskItem,
  DeskState,
  Provenance,
  RevisionSummary,
  Role,
  Staff,
  StoryDocument,
  StoryListItem,
  StoryStatus,
  TopicKind,
};

export interface SessionAnswer {
  staff: Staff;
  csrfToken: string;
}

/** A page of a list; with `capped` (the story list), `total` is at least this many: the count stopped where the list stops paging. */
export type Paged<T> = Page<T> & { capped?: boolean };

/** A language version as `GET /translations/:id` answers it. */
export type Translation = TranslationRecord;
/** One language version of a story, as `Translation.siblings` lists them. */
export type TranslationRef = TranslationRecord['siblings'][number];

/** The body of `POST /stories` (+ `locale`) and `PUT /translations/:id` (+ `version`): what the server's schema accepts. */
export type TranslationInput = Omit<ServerTranslationInput, 'body' | 'dek'> & { dek: string; body: StoryDocument };
/** A PUT of a translation: the input, the text version it was based on, the story-wide settings' version when it carries them, `autosave`. */
export type SaveInput = Omit<UpdateTranslationInput, 'body' | 'dek'> & { dek: string; body: StoryDocument };

export type Diff = DiffPart[];
export interface DiffSet {
  title: Diff;
  dek: Diff;
  body: Diff;
}

/** GET /translations/:id/source-changes. */
export interface SourceChanges extends DiffSet {
  sourceUpdated: boolean;
  sourceVersion: number | null;
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
  /** Sections: the place in the navigation, from 0. */
  position?: number;
  /** Authors: the staff account the author is, their photo, and their bios per locale. */
  staffId?: string | null;
  photoImageId?: string | null;
  bios?: { locale: string; bio: string }[];
}

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
