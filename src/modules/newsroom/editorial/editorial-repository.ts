import type { AccessLevel, Provenance, StoryStatus } from '../../content/index.js';
import type { StoryDocument } from '../../content/document/index.js';
import type { Edition } from '../../editions/index.js';
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

/**
 * Work that must commit or roll back with an editorial write (the audit entry, queueing the publish
 * job), handed the write's transaction: the database adapter's own, passed through untouched.
 */
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

/**
 * The newsroom's writes to stories: each one transaction, which also runs `inTransaction` (the audit
 * entry, the publish job), so the change and what it records commit or roll back together. Every
 * write that bumps a version is refused on a stale one (false).
 */
export interface EditorialRepository {
  createStory(
    input: { locale: string; text: TextChanges; story: StoryChanges },
    ctx: WriteContext,
    /** Also told the ids the story and its first language version get. */
    inTransaction?: (tx: unknown, created: { storyId: string; translationId: string }) => Promise<void>,
  ): Promise<string>;
  createTranslation(
    input: {
      storyId: string;
      locale: string;
      provenance: Provenance;
      provenanceCredit: string | null;
      translatedFrom: string;
      sourceVersion: number;
      slug: string;
    },
    ctx: WriteContext,
  ): Promise<string>;
  /**
   * Saves text and story fields if `expectedVersion` is current and, when `expectedStoryVersion` is
   * given, the story's version is too (checked in the write itself); false when either is stale,
   * and nothing is written. Story-wide changes bump the story's version.
   */
  saveTranslation(
    id: string,
    expectedVersion: number,
    text: TextChanges,
    story: StoryChanges,
    ctx: WriteContext & { recordOldSlug: boolean; revision: RevisionPolicy; expectedStoryVersion: number | null },
    inTransaction?: InTransaction,
  ): Promise<boolean>;
  /** Also keeps the text as it stands in a `workflow` revision noting the new status. */
  setStatus(id: string, expectedVersion: number, change: StatusChange, ctx: WriteContext, inTransaction?: InTransaction): Promise<boolean>;
  markSynced(id: string, expectedVersion: number, sourceVersion: number, ctx: WriteContext): Promise<boolean>;
  addCorrection(
    translationId: string,
    kind: 'correction' | 'update',
    text: string,
    ctx: WriteContext,
    inTransaction?: InTransaction,
  ): Promise<Correction>;
}

/** The newsroom's reads of stories. */
export interface EditorialReads {
  translation(id: string): Promise<TranslationRecord | null>;
  originalTranslationId(storyId: string): Promise<string | null>;
  /** Newest first, `limit` at most, older than `before` when given: metadata only. */
  revisions(translationId: string, page: { before?: number; limit: number }): Promise<RevisionSummary[]>;
  /** By id; or by version: the text as it stood then, the latest text revision (not workflow) at or before it. */
  revision(translationId: string, by: { id: string } | { version: number }): Promise<Revision | null>;
  corrections(translationId: string): Promise<Correction[]>;
  /** A page of the story list; counting stops at `countCap` (then `capped`). */
  list(
    query: ListQuery,
    pageSize: number,
    restrictToCreator: string | null,
    countCap: number,
  ): Promise<{ items: StoryListItem[]; total: number; capped: boolean }>;
  scheduledBetween(from: string, to: string): Promise<StoryListItem[]>;
  desk(locale: string, sourceLocales: readonly string[], limit: number): Promise<DeskItem[]>;
  slugTaken(locale: string, slug: string, exceptTranslationId: string | null): Promise<boolean>;
  /** The fields whose section, topics, authors or lead image do not exist, with the unknown ids. */
  missingReferences(story: StoryChanges): Promise<Array<{ field: string; ids: string[] }>>;
}
