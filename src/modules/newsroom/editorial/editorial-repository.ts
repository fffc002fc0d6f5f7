import type { AccessLevel, Provenance, StoryStatus } from '../../content/content-types.js';
import type { StoryDocument } from '../../content/document/index.js';
import type { Edition } from '../../editions/edition.js';
import type {
  Correction,
  DeskItem,
  ListQuery,
  Revision,
  RevisionKind,
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

/** How a text save is kept in the history. */
export interface RevisionPolicy {
  kind: Exclude<RevisionKind, 'workflow'>;
  /**
   * For an autosave: replace the saver's own latest revision instead of adding one when it is an
   * autosave begun at or after this time and nothing else was written since. Null: always add.
   */
  coalesceSince: Date | null;
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
    ctx: WriteContext & { recordOldSlug: boolean; revision: RevisionPolicy },
  ): Promise<boolean>;
  /** Also keeps the text as it stands in a `workflow` revision noting the new status. */
  setStatus(id: string, expectedVersion: number, change: StatusChange, ctx: WriteContext, inTransaction?: InTransaction): Promise<boolean>;
  markSynced(id: string, expectedVersion: number, sourceVersion: number, ctx: WriteContext): Promise<boolean>;
  /** Newest first, `limit` at most, older than `before` when given: metadata only. */
  listRevisions(translationId: string, query: { before?: number; limit: number }): Promise<RevisionSummary[]>;
  getRevision(translationId: string, revisionId: string): Promise<Revision | null>;
  /** The text as it stood at that version: the latest text revision (not workflow) at or before it. */
  getRevisionByVersion(translationId: string, version: number): Promise<Revision | null>;
  addCorrection(translationId: string, kind: 'correction' | 'update', text: string, ctx: WriteContext): Promise<Correction>;
  listCorrections(translationId: string): Promise<Correction[]>;
  /** A page of the story list; counting stops at `countCap` (then `capped`). */
  list(query: ListQuery, pageSize: number, restrictToCreator: string | null, countCap: number): Promise<{ items: StoryListItem[]; total: number; capped: boolean }>;
  calendar(from: string, to: string): Promise<StoryListItem[]>;
  desk(locale: string, sourceLocales: readonly string[], limit: number): Promise<DeskItem[]>;
  slugTaken(locale: string, slug: string, exceptTranslationId: string | null): Promise<boolean>;
  /** The fields whose section, topics, authors or lead image do not exist, with the unknown ids. */
  missingReferences(story: StoryChanges): Promise<Array<{ field: string; ids: string[] }>>;
}
