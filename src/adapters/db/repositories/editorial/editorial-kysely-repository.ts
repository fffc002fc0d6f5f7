import type { Kysely, Transaction } from 'kysely';
import type { Provenance } from '../../../../modules/content/index.js';
import { parseStoredDocument } from '../../../../modules/content/document/index.js';
import type {
  EditorialRepository,
  InTransaction,
  RevisionPolicy,
  StatusChange,
  StoryChanges,
  TextChanges,
  WriteContext,
} from '../../../../modules/newsroom/editorial/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { pageKeys } from '../../../../modules/content/index.js';
import { recordOldSlug, refreshEntries } from '../content/content-write-steps.js';
import { membershipKeys, type PageChanges } from '../content/page-change-recorder.js';

type Tx = Transaction<DB>;
type SaveContext = Parameters<EditorialRepository['saveTranslation']>[4];

type RevisionText = Pick<TextChanges, 'title' | 'dek' | 'body' | 'slug'>;
const EXPLICIT: RevisionPolicy = { kind: 'save', coalesceSince: null };

async function writeRevision(
  trx: Tx,
  translationId: string,
  version: number,
  text: RevisionText,
  ctx: WriteContext,
  policy: RevisionPolicy | { kind: 'workflow'; note: string } = EXPLICIT,
) {
  const at = ctx.now.toISOString();
  const values = {
    version,
    title: text.title,
    dek: text.dek,
    body: JSON.stringify(text.body),
    slug: text.slug,
    saved_by: ctx.staffId,
    saved_at: at,
  };
  if (policy.kind === 'autosave' && 'coalesceSince' in policy && policy.coalesceSince && ctx.staffId) {
    // The saver's own autosave revision, still the latest (nothing written since: the version it
    // holds is the one this save replaces) and begun inside the window, takes the new text.
    const latest = await trx
      .selectFrom('story_revisions')
      .select(['id', 'kind', 'saved_by', 'version', 'started_at'])
      .where('translation_id', '=', translationId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (
      latest &&
      latest.kind === 'autosave' &&
      latest.saved_by === ctx.staffId &&
      Number(latest.version) === version - 1 &&
      latest.started_at !== null &&
      latest.started_at >= policy.coalesceSince.toISOString()
    ) {
      await trx.updateTable('story_revisions').set(values).where('id', '=', latest.id).execute();
      return;
    }
  }
  await trx
    .insertInto('story_revisions')
    .values({
      id: newId(ctx.now.getTime()),
      translation_id: translationId,
      ...values,
      kind: policy.kind,
      started_at: policy.kind === 'autosave' ? at : null,
      note: 'note' in policy ? policy.note : null,
    })
    .execute();
}

/** A save's story-wide settings were based on a version someone else has changed since: the transaction rolls back. */
class StaleStory extends Error {}

/**
 * Writes the story-wide settings. A save's changes bump the story's version; with `expectedVersion`
 * (the version the saver read) the write happens only if it is still current, checked in the same
 * UPDATE, so two concurrent saves cannot both pass (else StaleStory).
 */
async function applyStoryChanges(
  trx: Tx,
  storyId: string,
  changes: StoryChanges,
  now: Date,
  pages: PageChanges,
  lock?: { expectedVersion: number | null },
) {
  // The listings the story leaves (refreshEntries records the ones it joins).
  if (changes.sectionId !== undefined || changes.authorIds !== undefined || changes.topicIds !== undefined) {
    await pages.record(trx, await membershipKeys(trx, [storyId]));
  }
  const changed = Object.keys(changes).length > 0;
  const set = {
    ...(changes.sectionId !== undefined && { section_id: changes.sectionId }),
    ...(changes.leadImageId !== undefined && { lead_image_id: changes.leadImageId }),
    ...(changes.accessLevel !== undefined && { access_level: changes.accessLevel }),
    updated_at: now.toISOString(),
  };
  const expected = lock?.expectedVersion ?? null;
  const result = await trx
    .updateTable('stories')
    .set(set)
    .$if(lock !== undefined && changed, (u) => u.set((eb) => ({ version: eb('version', '+', 1) })))
    .where('id', '=', storyId)
    .$if(expected !== null, (u) => u.where('version', '=', expected as number))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1 && expected !== null) throw new StaleStory();
  if (changes.sectionId !== undefined) {
    await trx.updateTable('edition_entries').set({ section_id: changes.sectionId }).where('story_id', '=', storyId).execute();
  }
  if (changes.authorIds !== undefined) {
    await trx.deleteFrom('story_authors').where('story_id', '=', storyId).execute();
    const ids = [...new Set(changes.authorIds)];
    if (ids.length)
      await trx
        .insertInto('story_authors')
        .values(ids.map((author_id, position) => ({ story_id: storyId, author_id, position })))
        .execute();
  }
  if (changes.topicIds !== undefined) {
    await trx.deleteFrom('story_topics').where('story_id', '=', storyId).execute();
    const ids = [...new Set(changes.topicIds)];
    if (ids.length)
      await trx
        .insertInto('story_topics')
        .values(ids.map((topic_id, position) => ({ story_id: storyId, topic_id, position })))
        .execute();
  }
}

/** Bumps the version only if it is still `expected`: the optimistic lock every write goes through. */
async function bumpVersion(trx: Tx, id: string, expected: number, set: Record<string, unknown>, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('story_translations')
    .set({ ...set, updated_at: now.toISOString(), version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export class EditorialKyselyRepository implements EditorialRepository {
  constructor(
    private readonly db: Kysely<DB>,
    /** Where every change to what reader pages show is recorded, in the change's transaction. */
    private readonly pages: PageChanges,
  ) {}

  async createStory(
    input: { locale: string; text: TextChanges; story: StoryChanges },
    ctx: WriteContext,
    inTransaction?: (tx: unknown, created: { storyId: string; translationId: string }) => Promise<void>,
  ): Promise<string> {
    const storyId = newId(ctx.now.getTime());
    const id = newId(ctx.now.getTime());
    const now = ctx.now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('stories')
        .values({
          id: storyId,
          section_id: null,
          lead_image_id: null,
          original_locale: input.locale,
          created_at: now,
          updated_at: now,
          created_by: ctx.staffId,
          access_level: 'public',
        })
        .execute();
      await trx
        .insertInto('story_translations')
        .values({
          id,
          story_id: storyId,
          locale: input.locale,
          title: input.text.title,
          dek: input.text.dek,
          body: JSON.stringify(input.text.body),
          slug: input.text.slug,
          status: 'draft',
          published_at: null,
          updated_at: now,
          created_at: now,
          is_original: 1,
          translated_from: null,
          provenance: 'original',
          provenance_credit: null,
          reading_minutes: input.text.readingMinutes,
          version: 1,
          seo_title: input.text.seoTitle,
          seo_description: input.text.seoDescription,
          created_by: ctx.staffId,
        })
        .execute();
      await applyStoryChanges(trx, storyId, input.story, ctx.now, this.pages);
      await writeRevision(trx, id, 1, input.text, ctx);
      if (inTransaction) await inTransaction(trx, { storyId, translationId: id });
    });
    return id;
  }

  async createTranslation(
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
  ): Promise<string> {
    const id = newId(ctx.now.getTime());
    const now = ctx.now.toISOString();
    const empty = { title: '', dek: '', body: { type: 'doc', content: [] }, slug: input.slug };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('story_translations')
        .values({
          id,
          story_id: input.storyId,
          locale: input.locale,
          title: '',
          dek: '',
          body: JSON.stringify(empty.body),
          slug: input.slug,
          status: 'draft',
          published_at: null,
          updated_at: now,
          created_at: now,
          is_original: 0,
          translated_from: input.translatedFrom,
          provenance: input.provenance,
          provenance_credit: input.provenanceCredit,
          reading_minutes: 1,
          version: 1,
          created_by: ctx.staffId,
          synced_source_version: input.sourceVersion,
        })
        .execute();
      await writeRevision(trx, id, 1, empty as Pick<TextChanges, 'title' | 'dek' | 'body' | 'slug'>, ctx);
    });
    return id;
  }

  async saveTranslation(
    id: string,
    expectedVersion: number,
    text: TextChanges,
    story: StoryChanges,
    ctx: SaveContext,
    inTransaction?: InTransaction,
  ) {
    return this.db
      .transaction()
      .execute(async (trx) => this.saveInTransaction(trx, id, expectedVersion, text, story, ctx, inTransaction))
      .catch((error: unknown) => {
        if (error instanceof StaleStory) return false;
        throw error;
      });
  }

  private async saveInTransaction(
    trx: Tx,
    id: string,
    expectedVersion: number,
    text: TextChanges,
    story: StoryChanges,
    ctx: SaveContext,
    inTransaction: InTransaction | undefined,
  ) {
    const current = await trx
      .selectFrom('story_translations')
      .select(['story_id', 'locale', 'slug'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) return false;
    const ok = await bumpVersion(
      trx,
      id,
      expectedVersion,
      {
        title: text.title,
        dek: text.dek,
        body: JSON.stringify(text.body),
        slug: text.slug,
        reading_minutes: text.readingMinutes,
        seo_title: text.seoTitle,
        seo_description: text.seoDescription,
      },
      ctx.now,
    );
    if (!ok) return false;
    if (ctx.recordOldSlug && current.slug !== text.slug) {
      await recordOldSlug(trx, 'story', current.locale, current.slug, id, ctx.now);
      await trx
        .deleteFrom('slug_history')
        .where('entity', '=', 'story')
        .where('locale', '=', current.locale)
        .where('slug', '=', text.slug)
        .execute();
    }
    await applyStoryChanges(trx, current.story_id, story, ctx.now, this.pages, { expectedVersion: ctx.expectedStoryVersion });
    await writeRevision(trx, id, expectedVersion + 1, text, ctx, ctx.revision);
    await refreshEntries(trx, [current.story_id], ctx.editions, this.pages);
    if (inTransaction) await inTransaction(trx);
    return true;
  }

  async setStatus(id: string, expectedVersion: number, change: StatusChange, ctx: WriteContext, inTransaction?: InTransaction) {
    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('story_translations')
        .select(['story_id', 'title', 'dek', 'body', 'slug'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!current) return false;
      if (!(await bumpVersion(trx, id, expectedVersion, { status: change.status, published_at: change.publishedAt }, ctx.now)))
        return false;
      // Every workflow step is kept in the history with the text it applied to.
      const text = { title: current.title, dek: current.dek, body: parseStoredDocument(current.body), slug: current.slug };
      await writeRevision(trx, id, expectedVersion + 1, text, ctx, { kind: 'workflow', note: change.status });
      await trx.updateTable('stories').set({ updated_at: ctx.now.toISOString() }).where('id', '=', current.story_id).execute();
      await refreshEntries(trx, [current.story_id], ctx.editions, this.pages);
      if (inTransaction) await inTransaction(trx);
      return true;
    });
  }

  async markSynced(id: string, expectedVersion: number, sourceVersion: number, ctx: WriteContext) {
    return this.db.transaction().execute((trx) => bumpVersion(trx, id, expectedVersion, { synced_source_version: sourceVersion }, ctx.now));
  }

  async addCorrection(
    translationId: string,
    kind: 'correction' | 'update',
    text: string,
    ctx: WriteContext,
    inTransaction?: InTransaction,
  ) {
    const id = newId(ctx.now.getTime());
    const at = ctx.now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('story_corrections')
        .values({ id, translation_id: translationId, kind, text, created_by: ctx.staffId, created_at: at })
        .execute();
      // The story page shows the note, and readers see the story as updated now.
      await trx.updateTable('story_translations').set({ updated_at: at }).where('id', '=', translationId).execute();
      const story = await trx.selectFrom('story_translations').select('story_id').where('id', '=', translationId).executeTakeFirst();
      if (story) await this.pages.record(trx, [pageKeys.story(story.story_id)]);
      if (inTransaction) await inTransaction(trx);
    });
    return { id, translationId, kind, text, createdAt: at, createdBy: ctx.staffId };
  }
}
