import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AccessLevel, Provenance, StoryStatus } from '../../../../modules/content/index.js';
import { parseStoredDocument } from '../../../../modules/content/document/index.js';
import type {
  Correction,
  DeskItem,
  ListQuery,
  Revision,
  RevisionKind,
  RevisionSummary,
  StoryListItem,
  TranslationRecord,
} from '../../../../modules/newsroom/editorial/index.js';
import type { EditorialReads, StoryChanges } from '../../../../modules/newsroom/editorial/index.js';
import type { DB } from '../../schema.js';
import { groupBy } from '../content/localized.js';

function listBase(db: Kysely<DB>) {
  return db.selectFrom('story_translations as t').innerJoin('stories as s', 's.id', 't.story_id');
}

async function toListItems(
  db: Kysely<DB>,
  rows: {
    story_id: string;
    id: string;
    locale: string;
    title: string;
    status: string;
    updated_at: string;
    published_at: string | null;
    section_id: string | null;
  }[],
): Promise<StoryListItem[]> {
  const ids = [...new Set(rows.map((r) => r.story_id))];
  const authors = ids.length
    ? await db.selectFrom('story_authors').select(['story_id', 'author_id']).where('story_id', 'in', ids).orderBy('position').execute()
    : [];
  const byStory = groupBy(authors, (a) => a.story_id);
  return rows.map((r) => ({
    storyId: r.story_id,
    translationId: r.id,
    locale: r.locale,
    title: r.title,
    status: r.status as StoryStatus,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    sectionId: r.section_id,
    authorIds: (byStory.get(r.story_id) ?? []).map((a) => a.author_id),
  }));
}

/**
 * The newsroom's story list, bounded whatever the archive holds (issue #7). Latest updated first,
 * read off an index (whole, by status or by language). Counting stops at `countCap`. Narrowing by
 * section, author, topic or title text (`q`, a case-insensitive substring) looks through the
 * `SEARCH_WINDOW` most recently updated translations only: a bounded scan, not a search index
 * (a later issue), documented in docs/admin-api.md. A writer's own list ("my stories": `creator`)
 * is not cut by that window: its window is the creator's own latest translations, read off the
 * creator indexes (migration 0012), so their stories are found however old, and the other filters
 * narrow within them.
 */
export const SEARCH_WINDOW = 5_000;

/**
 * The ids of the translations someone created or that belong to stories they started, latest first,
 * at most `SEARCH_WINDOW`. Only the creator narrows it (status and language narrow the page query
 * after it), so the creator indexes are the only ones that can serve it: a status index would walk
 * every draft of the newsroom.
 */
export function ownWindow(db: Kysely<DB>, creator: string) {
  const created = db.selectFrom('story_translations').select(['id', 'updated_at']).where('created_by', '=', creator);
  const ofOwnStories = db
    .selectFrom('stories as os')
    .innerJoin('story_translations as ot', 'ot.story_id', 'os.id')
    .select(['ot.id', 'ot.updated_at'])
    .where('os.created_by', '=', creator);
  return db
    .selectFrom(created.union(ofOwnStories).as('o'))
    .select('o.id')
    .orderBy('o.updated_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(SEARCH_WINDOW);
}

function newsroomWindow(db: Kysely<DB>, query: Pick<ListQuery, 'status' | 'locale'>) {
  return db
    .selectFrom('story_translations')
    .select(['id'])
    .$if(!!query.status, (w) => w.where('status', '=', query.status as string))
    .$if(!!query.locale, (w) => w.where('locale', '=', query.locale as string))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(SEARCH_WINDOW);
}

/** The newsroom's reads (the `EditorialReads` port): one record, listings, revisions, the translation desk. */
export class EditorialKyselyReads implements EditorialReads {
  constructor(private readonly db: Kysely<DB>) {}

  /** One language version with its story-wide settings and its siblings: everything needed to edit it. */
  async translation(id: string): Promise<TranslationRecord | null> {
    const t = await this.db
      .selectFrom('story_translations as t')
      .innerJoin('stories as s', 's.id', 't.story_id')
      .selectAll('t')
      .select([
        's.section_id',
        's.lead_image_id',
        's.access_level',
        's.created_by as story_created_by',
        's.original_locale',
        's.version as story_version',
      ])
      .where('t.id', '=', id)
      .executeTakeFirst();
    if (!t) return null;
    const [authors, topics, siblings] = await Promise.all([
      this.db.selectFrom('story_authors').select('author_id').where('story_id', '=', t.story_id).orderBy('position').execute(),
      this.db.selectFrom('story_topics').select('topic_id').where('story_id', '=', t.story_id).orderBy('position').execute(),
      this.db
        .selectFrom('story_translations')
        .select(['id', 'locale', 'status', 'version', 'is_original', 'published_at'])
        .where('story_id', '=', t.story_id)
        .orderBy('is_original', 'desc')
        .orderBy('locale')
        .execute(),
    ]);
    return {
      id: t.id,
      storyId: t.story_id,
      locale: t.locale,
      title: t.title,
      dek: t.dek,
      body: parseStoredDocument(t.body),
      slug: t.slug,
      status: t.status as StoryStatus,
      publishedAt: t.published_at,
      updatedAt: t.updated_at,
      createdAt: t.created_at,
      version: Number(t.version),
      isOriginal: Number(t.is_original) === 1,
      translatedFrom: t.translated_from,
      provenance: t.provenance as Provenance,
      provenanceCredit: t.provenance_credit,
      seoTitle: t.seo_title ?? null,
      seoDescription: t.seo_description ?? null,
      createdBy: t.created_by ?? null,
      syncedSourceVersion:
        t.synced_source_version === null || t.synced_source_version === undefined ? null : Number(t.synced_source_version),
      story: {
        sectionId: t.section_id,
        leadImageId: t.lead_image_id,
        accessLevel: (t.access_level ?? 'public') as AccessLevel,
        createdBy: t.story_created_by ?? null,
        authorIds: authors.map((a) => a.author_id),
        topicIds: topics.map((x) => x.topic_id),
        originalLocale: t.original_locale,
        version: Number(t.story_version ?? 1),
      },
      siblings: siblings.map((s) => ({
        id: s.id,
        locale: s.locale,
        status: s.status as StoryStatus,
        version: Number(s.version),
        isOriginal: Number(s.is_original) === 1,
        publishedAt: s.published_at,
      })),
    };
  }

  async list(query: ListQuery, pageSize: number, creator: string | null, countCap: number) {
    const windowed = !!(query.sectionId || query.authorId || query.topicId || query.q || creator);
    let q = windowed
      ? this.db
          // Both windows select just `id`: one type for the join below.
          .selectFrom(
            (creator ? (ownWindow(this.db, creator) as unknown as ReturnType<typeof newsroomWindow>) : newsroomWindow(this.db, query)).as(
              'w',
            ),
          )
          .innerJoin('story_translations as t', 't.id', 'w.id')
          .innerJoin('stories as s', 's.id', 't.story_id')
      : listBase(this.db);
    if (query.status) q = q.where('t.status', '=', query.status);
    if (query.locale) q = q.where('t.locale', '=', query.locale);
    if (query.sectionId) q = q.where('s.section_id', '=', query.sectionId);
    if (query.authorId) {
      const authorId = query.authorId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('story_authors as sa')
            .select('sa.story_id')
            .whereRef('sa.story_id', '=', 't.story_id')
            .where('sa.author_id', '=', authorId),
        ),
      );
    }
    if (query.topicId) {
      const topicId = query.topicId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('story_topics as st')
            .select('st.story_id')
            .whereRef('st.story_id', '=', 't.story_id')
            .where('st.topic_id', '=', topicId),
        ),
      );
    }
    if (query.q)
      q = q.where(sql<boolean>`lower(t.title) like ${`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
    if (creator) q = q.where((eb) => eb.or([eb('s.created_by', '=', creator), eb('t.created_by', '=', creator)]));
    const [count, rows] = await Promise.all([
      this.db
        .selectFrom(q.select('t.id').limit(countCap).as('c'))
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirst(),
      q
        .select(['t.story_id', 't.id', 't.locale', 't.title', 't.status', 't.updated_at', 't.published_at', 's.section_id'])
        .orderBy('t.updated_at', 'desc')
        .orderBy('t.id', 'desc')
        .limit(pageSize)
        .offset((query.page - 1) * pageSize)
        .execute(),
    ]);
    const total = Number(count?.n ?? 0);
    return { items: await toListItems(this.db, rows), total, capped: total >= countCap };
  }

  async scheduledBetween(from: string, to: string) {
    const rows = await listBase(this.db)
      .select(['t.story_id', 't.id', 't.locale', 't.title', 't.status', 't.updated_at', 't.published_at', 's.section_id'])
      .where('t.status', '=', 'scheduled')
      .where('t.published_at', '>=', from)
      .where('t.published_at', '<', to)
      .orderBy('t.published_at')
      .execute();
    return toListItems(this.db, rows);
  }

  /** A page of revisions, newest first, by keyset on the version: metadata only, never the bodies. */
  async revisions(translationId: string, page: { before?: number; limit: number }): Promise<RevisionSummary[]> {
    let q = this.db
      .selectFrom('story_revisions as r')
      .leftJoin('staff as s', 's.id', 'r.saved_by')
      .select(['r.id', 'r.version', 'r.kind', 'r.saved_at', 'r.saved_by', 's.name as saved_by_name', 'r.title', 'r.note'])
      .where('r.translation_id', '=', translationId);
    if (page.before !== undefined) q = q.where('r.version', '<', page.before);
    const rows = await q.orderBy('r.version', 'desc').limit(page.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      version: Number(r.version),
      kind: r.kind as RevisionKind,
      savedAt: r.saved_at,
      savedBy: r.saved_by,
      savedByName: r.saved_by_name ?? null,
      title: r.title,
      note: r.note,
    }));
  }

  async revision(translationId: string, by: { id: string } | { version: number }): Promise<Revision | null> {
    let q = this.db.selectFrom('story_revisions').selectAll().where('translation_id', '=', translationId);
    // By version: the text as it stood at that version (status changes bump the version too, and
    // keep a workflow revision, which is not a text change).
    q =
      'id' in by
        ? q.where('id', '=', by.id)
        : q.where('version', '<=', by.version).where('kind', '!=', 'workflow').orderBy('version', 'desc').limit(1);
    const r = await q.executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      version: Number(r.version),
      kind: r.kind as RevisionKind,
      savedAt: r.saved_at,
      savedBy: r.saved_by,
      savedByName: null,
      title: r.title,
      note: r.note,
      dek: r.dek,
      body: parseStoredDocument(r.body),
      slug: r.slug,
    };
  }

  async corrections(translationId: string): Promise<Correction[]> {
    const rows = await this.db
      .selectFrom('story_corrections')
      .selectAll()
      .where('translation_id', '=', translationId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      translationId: r.translation_id,
      kind: r.kind as Correction['kind'],
      text: r.text,
      createdAt: r.created_at,
      createdBy: r.created_by,
    }));
  }

  /**
   * The translation desk for one locale: published sources in other languages with no version in
   * this locale yet, translations in progress or review, and published translations whose source has
   * changed since they were last synced.
   */
  async desk(locale: string, sourceLocales: readonly string[], limit: number): Promise<DeskItem[]> {
    if (sourceLocales.length === 0) return [];
    const sources = await this.db
      .selectFrom('story_translations as src')
      .leftJoin('story_translations as tr', (join) => join.onRef('tr.story_id', '=', 'src.story_id').on('tr.locale', '=', locale))
      .select([
        'src.story_id',
        'src.id as source_id',
        'src.locale as source_locale',
        'src.title as source_title',
        'src.version as source_version',
        'src.updated_at as source_updated_at',
        'tr.id as tr_id',
        'tr.title as tr_title',
        'tr.status as tr_status',
        'tr.body as tr_body',
        'tr.updated_at as tr_updated_at',
        'tr.synced_source_version as tr_synced',
        'tr.translated_from as tr_from',
      ])
      .where('src.is_original', '=', 1)
      .where('src.status', '=', 'published')
      .where('src.locale', 'in', [...sourceLocales])
      .orderBy('src.updated_at', 'desc')
      .limit(limit * 4)
      .execute();
    const synced = sources.filter((r) => r.tr_id !== null && r.tr_synced !== null && r.tr_synced !== undefined);
    const revisionVersions = synced.length
      ? await this.db
          .selectFrom('story_revisions')
          .select(['translation_id', 'version'])
          .where(
            'translation_id',
            'in',
            synced.map((r) => r.source_id),
          )
          .where('kind', '!=', 'workflow')
          .execute()
      : [];
    const versionsBySource = groupBy(revisionVersions, (r) => r.translation_id);
    const items: DeskItem[] = [];
    for (const r of sources) {
      const sourceUpdated =
        r.tr_id !== null &&
        textChangedSince(
          (versionsBySource.get(r.source_id) ?? []).map((v) => Number(v.version)),
          r.tr_synced,
        );
      let state: DeskItem['state'];
      if (r.tr_id === null) state = 'needs_translation';
      else if (r.tr_status === 'in_review') state = 'in_review';
      else if (r.tr_status === 'published' || r.tr_status === 'scheduled') state = 'published';
      else state = parseStoredDocument(r.tr_body ?? '').content.length === 0 ? 'needs_translation' : 'in_progress';
      if (state === 'published' && !sourceUpdated) continue;
      items.push({
        storyId: r.story_id,
        sourceTranslationId: r.source_id,
        sourceLocale: r.source_locale,
        sourceTitle: r.source_title,
        translationId: r.tr_id,
        locale,
        title: r.tr_title,
        state,
        sourceUpdated,
        updatedAt: r.tr_updated_at ?? r.source_updated_at,
      });
      if (items.length >= limit) break;
    }
    return items;
  }

  async originalTranslationId(storyId: string) {
    const row = await this.db
      .selectFrom('story_translations')
      .select('id')
      .where('story_id', '=', storyId)
      .where('is_original', '=', 1)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async slugTaken(locale: string, slug: string, exceptTranslationId: string | null) {
    let q = this.db.selectFrom('story_translations').select('id').where('locale', '=', locale).where('slug', '=', slug);
    if (exceptTranslationId) q = q.where('id', '!=', exceptTranslationId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async missingReferences(story: StoryChanges): Promise<Array<{ field: string; ids: string[] }>> {
    const missing: Array<{ field: string; ids: string[] }> = [];
    const check = async (field: string, table: 'sections' | 'topics' | 'authors' | 'images', ids: readonly string[]) => {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return;
      const found = new Set((await this.db.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
      const absent = wanted.filter((id) => !found.has(id));
      if (absent.length > 0) missing.push({ field, ids: absent });
    };
    await check('sectionId', 'sections', story.sectionId ? [story.sectionId] : []);
    await check('topicIds', 'topics', story.topicIds ?? []);
    await check('authorIds', 'authors', story.authorIds ?? []);
    await check('leadImageId', 'images', story.leadImageId ? [story.leadImageId] : []);
    return missing;
  }
}

/** Whether the source's text was saved again after the version a translation was synced with. */
export function textChangedSince(revisionVersions: readonly number[], syncedVersion: number | null | undefined): boolean {
  if (syncedVersion === null || syncedVersion === undefined || revisionVersions.length === 0) return false;
  const synced = Number(syncedVersion);
  const atSync = Math.max(0, ...revisionVersions.filter((v) => v <= synced));
  return Math.max(...revisionVersions) > atSync;
}
