import type { Provenance, StoryStatus } from '../../content/content-types.js';
import type { StoryDocument } from '../../content/document/index.js';
import type { Edition } from '../../editions/edition.js';
import type {
  AccessLevel,
  Correction,
  DeskItem,
  ListQuery,
  Revision,
  RevisionSummary,
  StoryListItem,
  TranslationRecord,
} from './editorial-types.js';

export interface TextChanges {
  title: string;
  dek: string;
  body: StoryDocument;
  slug: string;
  readingMinutes: number;
  seoTitle: string | null;
  seoDescription: string | null;
}

export interface StoryChanges {
  sectionId?: string | null;
  leadImageId?: string | null;
  accessLevel?: AccessLevel;
  authorIds?: string[];
  topicIds?: string[];
}

export interface StatusChange {
  status: StoryStatus;
  publishedAt: string | null;
}

/** Work that must commit or roll back with an editorial write (e.g. queueing the publish job). */
export type InTransaction = (tx: unknown) => Promise<void>;

export interface WriteContext {
  staffId: string | null;
  now: Date;
  editions: readonly Edition[];
}

/** The newsroom's view of stories. Every write bumps the version and is refused on a stale one. */
export interface EditorialRepository {
  createStory(
    input: { locale: string; text: TextChanges; story: StoryChanges },
    ctx: WriteContext,
  ): Promise<string>;
  createTranslation(
    input: { storyId: string; locale: string; provenance: Provenance; provenanceCredit: string | null; translatedFrom: string; sourceVersion: number; slug: string },
    ctx: WriteContext,
  ): Promise<string>;
  getTranslation(id: string): Promise<TranslationRecord | null>;
  originalTranslationId(storyId: string): Promise<string | null>;
  /** Saves text and story fields if `expectedVersion` is current; false when it is stale. */
  saveTranslation(
    id: string,
    expectedVersion: number,
    text: TextChanges,
    story: StoryChanges,
    ctx: WriteContext & { recordOldSlug: boolean },
  ): Promise<boolean>;
  setStatus(id: string, expectedVersion: number, change: StatusChange, ctx: WriteContext, inTransaction?: InTransaction): Promise<boolean>;
  markSynced(id: string, expectedVersion: number, sourceVersion: number, ctx: WriteContext): Promise<boolean>;
  listRevisions(translationId: string): Promise<RevisionSummary[]>;
  getRevision(translationId: string, revisionId: string): Promise<Revision | null>;
  getRevisionByVersion(translationId: string, version: number): Promise<Revision | null>;
  addCorrection(translationId: string, kind: 'correction' | 'update', text: string, ctx: WriteContext): Promise<Correction>;
  listCorrections(translationId: string): Promise<Correction[]>;
  /** A page of the story list; counting stops at `countCap` (then `capped`). */
  list(query: ListQuery, pageSize: number, restrictToCreator: string | null, countCap: number): Promise<{ items: StoryListItem[]; total: number; capped: boolean }>;
  calendar(from: string, to: string): Promise<StoryListItem[]>;
  desk(locale: string, sourceLocales: readonly string[], limit: number): Promise<DeskItem[]>;
  slugTaken(locale: string, slug: string, exceptTranslationId: string | null): Promise<boolean>;
}
