import { sql, type Kysely } from 'kysely';
import type {
  AuthorView,
  ContentReadRepository,
  EditionEntry,
  ListQuery,
  SlugEntity,
  SlugMatch,
} from '../../../../modules/content/content-repository.js';
import type {
  NamedLink,
  Page,
  Provenance,
  StoryAccessLevel,
  StorySummary,
  StoryView,
  TopicKind,
  TopicLink,
} from '../../../../modules/content/content-types.js';
import { parseStoredDocument, type StoryDocument } from '../../../../modules/content/document/index.js';
import type { Edition } from '../../../../modules/editions/edition.js';
import type { DB } from '../../schema.js';
import { loadBylines, loadImages, loadSections } from './hydrate.js';
import { groupBy, pickLocalized } from './localized.js';

interface SummaryRow {
  story_id: string;
  translation_id: string;
  locale: string;
  title: string;
  dek: string;
  slug: string;
  published_at: string;
  is_fallback: number;
  section_id: string | null;
  lead_image_id: string | null;
}

const ACCESS_LEVELS: readonly string[] = ['public', 'metered', 'registered', 'paid'] satisfies StoryAccessLevel[];

/** Bad data never opens a story: a level we do not know is the strictest one. */
function storyAccessLevel(stored: string | null | undefined): StoryAccessLevel {
  return stored && ACCESS_LEVELS.includes(stored) ? (stored as StoryAccessLevel) : 'paid';
}

/** Library images the body's image blocks name (images sit at the top level of a document). */
function bodyImageIds(body: StoryDocument): string[] {
  return body.content.flatMap((block) => (block.type === 'image' && block.attrs.imageId ? [block.attrs.imageId] : []));
}

export class ContentReadKyselyRepository implements ContentReadRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  private entries(query: ListQuery) {
    let q = this.db
      .selectFrom('edition_entries as e')
      .where('e.edition', '=', query.edition.locale)
      .where('e.published_at', '<=', query.now.toISOString());
    if (query.sectionId) q = q.where('e.section_id', '=', query.sectionId);
    if (query.topicId) {
      const topicId = query.topicId;
      q = q.where('e.story_id', 'in', (s) => s.selectFrom('story_topics').select('story_id').where('topic_id', '=', topicId));
    }
    if (query.authorId) {
      const authorId = query.authorId;
      q = q.where('e.story_id', 'in', (s) => s.selectFrom('story_authors').select('story_id').where('author_id', '=', authorId));
    }
    if (query.excludeStoryIds && query.excludeStoryIds.length > 0) q = q.where('e.story_id', 'not in', [...query.excludeStoryIds]);
    return q;
  }

  private summaryColumns() {
    return this.db
      .selectFrom('edition_entries as e')
      .innerJoin('story_translations as t', 't.id', 'e.translation_id')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select([
        'e.story_id',
        'e.translation_id',
        't.locale',
        't.title',
        't.dek',
        't.slug',
        'e.published_at',
        'e.is_fallback',
        'e.section_id',
        's.lead_image_id',
      ]);
  }

  async listStories(query: ListQuery): Promise<Page<StorySummary>> {
    const offset = (query.page - 1) * query.pageSize;
    const [countRow, idRows] = await Promise.all([
      this.entries(query).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      this.entries(query)
        .select(['e.story_id'])
        .orderBy('e.published_at', 'desc')
        .orderBy('e.story_id', 'desc')
        .limit(query.pageSize)
        .offset(offset)
        .execute(),
    ]);
    const items = await this.summariesFor(
      query.edition.locale,
      idRows.map((r) => r.story_id),
      query.localePreference,
    );
    return { items, total: Number(countRow?.n ?? 0), page: query.page, pageSize: query.pageSize };
  }

  /** Summaries of the given stories as the edition lists them, in the given order. */
  private async summariesFor(edition: string, storyIds: readonly string[], preference: readonly string[]): Promise<StorySummary[]> {
    if (storyIds.length === 0) return [];
    const rows = (await this.summaryColumns()
      .where('e.edition', '=', edition)
      .where('e.story_id', 'in', [...storyIds])
      .execute()) as SummaryRow[];
    const byId = new Map(rows.map((r) => [r.story_id, r]));
    const ordered = storyIds.map((id) => byId.get(id)).filter((r): r is SummaryRow => r !== undefined);
    return this.hydrate(ordered, preference);
  }

  /** Sections are named in the edition's languages; image texts follow `imagePreference` when given. */
  private async hydrate(rows: readonly SummaryRow[], preference: readonly string[], imagePreference = preference): Promise<StorySummary[]> {
    const [images, sections, bylines] = await Promise.all([
      loadImages(this.db, rows.map((r) => r.lead_image_id).filter((id): id is string => !!id), imagePreference),
      loadSections(this.db, rows.map((r) => r.section_id).filter((id): id is string => !!id), preference),
      loadBylines(this.db, rows.map((r) => r.story_id)),
    ]);
    return rows.map((r) => ({
      storyId: r.story_id,
      translationId: r.translation_id,
      locale: r.locale,
      title: r.title,
      dek: r.dek,
      slug: r.slug,
      publishedAt: new Date(r.published_at),
      isFallback: Number(r.is_fallback) === 1,
      section: (r.section_id && sections.get(r.section_id)) || null,
      leadImage: (r.lead_image_id && images.get(r.lead_image_id)) || null,
      authors: bylines.get(r.story_id) ?? [],
    }));
  }

  async findTranslationsBySlug(slug: string, locales: readonly string[]): Promise<SlugMatch[]> {
    if (locales.length === 0) return [];
    const rows = await this.db
      .selectFrom('story_translations')
      .select(['id', 'story_id', 'locale'])
      .where('slug', '=', slug)
      .where('locale', 'in', [...locales])
      .execute();
    return rows
      .map((r) => ({ translationId: r.id, storyId: r.story_id, locale: r.locale }))
      .sort((a, b) => locales.indexOf(a.locale) - locales.indexOf(b.locale));
  }

  async findEditionEntry(edition: string, storyId: string, now: Date): Promise<EditionEntry | null> {
    const row = await this.db
      .selectFrom('edition_entries')
      .select(['translation_id', 'published_at', 'is_fallback'])
      .where('edition', '=', edition)
      .where('story_id', '=', storyId)
      .where('published_at', '<=', now.toISOString())
      .executeTakeFirst();
    if (!row) return null;
    return { translationId: row.translation_id, publishedAt: new Date(row.published_at), isFallback: Number(row.is_fallback) === 1 };
  }

  async storyIdOfTranslation(translationId: string): Promise<string | null> {
    const row = await this.db.selectFrom('story_translations').select('story_id').where('id', '=', translationId).executeTakeFirst();
    return row?.story_id ?? null;
  }

  async loadStoryView(translationId: string, edition: Edition, preference: readonly string[], now: Date): Promise<StoryView | null> {
    const nowIso = now.toISOString();
    const row = await this.summaryColumns()
      .select([
        't.body',
        't.updated_at',
        't.is_original',
        't.translated_from',
        't.provenance',
        't.provenance_credit',
        't.reading_minutes',
        't.seo_title',
        't.seo_description',
        's.original_locale',
        's.access_level',
      ])
      .where('e.edition', '=', edition.locale)
      .where('e.translation_id', '=', translationId)
      .where('e.published_at', '<=', nowIso)
      .executeTakeFirst();
    if (!row) return null;
    const body = parseStoredDocument(row.body);
    // Captions and alt text belong to the content: prefer the story's language for them.
    const [[summary], topics, translations, corrections, bodyImages] = await Promise.all([
      this.hydrate([row as SummaryRow], preference, [row.locale, ...preference]),
      this.topicsOf(row.story_id, preference),
      this.db
        .selectFrom('story_translations')
        .select(['id', 'locale', 'slug', 'title', 'published_at', 'is_original'])
        .where('story_id', '=', row.story_id)
        .where('status', '=', 'published')
        .where('published_at', '<=', nowIso)
        .orderBy('is_original', 'desc')
        .orderBy('locale')
        .execute(),
      this.db
        .selectFrom('story_corrections')
        .select(['kind', 'text', 'created_at'])
        .where('translation_id', '=', translationId)
        .orderBy('created_at')
        .execute(),
      loadImages(this.db, bodyImageIds(body), preference),
    ]);
    if (!summary) return null;
    return {
      ...summary,
      body,
      bodyImages: Object.fromEntries([...bodyImages].map(([id, image]) => [id, image.renditions ?? []])),
      updatedAt: new Date(row.updated_at),
      isOriginal: Number(row.is_original) === 1,
      translatedFrom: row.translated_from,
      provenance: row.provenance as Provenance,
      provenanceCredit: row.provenance_credit,
      readingMinutes: Number(row.reading_minutes),
      originalLocale: row.original_locale,
      accessLevel: storyAccessLevel(row.access_level),
      topics,
      seoTitle: row.seo_title ?? null,
      seoDescription: row.seo_description ?? null,
      corrections: corrections.map((c) => ({ kind: c.kind as 'correction' | 'update', text: c.text, at: new Date(c.created_at) })),
      translations: translations.map((t) => ({
        id: t.id,
        locale: t.locale,
        slug: t.slug,
        title: t.title,
        publishedAt: new Date(t.published_at as string),
        isOriginal: Number(t.is_original) === 1,
      })),
    };
  }

  private async topicsOf(storyId: string, preference: readonly string[]): Promise<TopicLink[]> {
    const rows = await this.db
      .selectFrom('story_topics as st')
      .innerJoin('topics as tp', 'tp.id', 'st.topic_id')
      .innerJoin('topic_translations as tt', 'tt.topic_id', 'st.topic_id')
      .select(['st.topic_id', 'st.position', 'tp.kind', 'tt.locale', 'tt.name', 'tt.slug'])
      .where('st.story_id', '=', storyId)
      .orderBy('st.position')
      .execute();
    const topics: TopicLink[] = [];
    for (const [id, names] of groupBy(rows, (r) => r.topic_id)) {
      const name = pickLocalized(names, preference);
      if (name) topics.push({ id, kind: name.kind as TopicKind, name: name.name, slug: name.slug, locale: name.locale });
    }
    return topics;
  }

  async relatedStories(storyId: string, query: ListQuery, limit: number): Promise<StorySummary[]> {
    const rows = await this.db
      .selectFrom('edition_entries as e')
      .innerJoin('story_topics as st', 'st.story_id', 'e.story_id')
      .select(['e.story_id'])
      .select((eb) => [eb.fn.countAll<number>().as('shared'), eb.fn.max('e.published_at').as('latest')])
      .where('e.edition', '=', query.edition.locale)
      .where('e.published_at', '<=', query.now.toISOString())
      .where('e.story_id', 'not in', [storyId, ...(query.excludeStoryIds ?? [])])
      .where('st.topic_id', 'in', (s) => s.selectFrom('story_topics').select('topic_id').where('story_id', '=', storyId))
      .groupBy('e.story_id')
      .orderBy('shared', 'desc')
      .orderBy('latest', 'desc')
      .limit(limit)
      .execute();
    return this.summariesFor(
      query.edition.locale,
      rows.map((r) => r.story_id),
      query.localePreference,
    );
  }

  async findSlugRedirect(entity: SlugEntity, locales: readonly string[], slug: string) {
    if (locales.length === 0) return null;
    const rows = await this.db
      .selectFrom('slug_history')
      .select(['target_id', 'locale'])
      .where('entity', '=', entity)
      .where('locale', 'in', [...locales])
      .where('slug', '=', slug)
      .execute();
    const best = pickLocalized(rows, locales);
    return best ? { targetId: best.target_id, locale: best.locale } : null;
  }

  private async namedTopic(topicId: string, preference: readonly string[]): Promise<TopicLink | null> {
    const rows = await this.db
      .selectFrom('topic_translations as tt')
      .innerJoin('topics as tp', 'tp.id', 'tt.topic_id')
      .select(['tt.topic_id', 'tt.locale', 'tt.name', 'tt.slug', 'tp.kind'])
      .where('tt.topic_id', '=', topicId)
      .execute();
    const name = pickLocalized(rows, preference);
    return name ? { id: topicId, kind: name.kind as TopicKind, name: name.name, slug: name.slug, locale: name.locale } : null;
  }

  async findTopicBySlug(slug: string, locales: readonly string[], preference: readonly string[]): Promise<TopicLink | null> {
    const rows = await this.db
      .selectFrom('topic_translations')
      .select(['topic_id', 'locale'])
      .where('slug', '=', slug)
      .where('locale', 'in', [...locales])
      .execute();
    const hit = pickLocalized(rows, locales);
    return hit ? this.namedTopic(hit.topic_id, preference) : null;
  }

  findTopicById(id: string, preference: readonly string[]): Promise<TopicLink | null> {
    return this.namedTopic(id, preference);
  }

  async findSectionBySlug(slug: string, locales: readonly string[], preference: readonly string[]): Promise<NamedLink | null> {
    const rows = await this.db
      .selectFrom('section_translations')
      .select(['section_id', 'locale'])
      .where('slug', '=', slug)
      .where('locale', 'in', [...locales])
      .execute();
    const hit = pickLocalized(rows, locales);
    return hit ? this.findSectionById(hit.section_id, preference) : null;
  }

  async findSectionById(id: string, preference: readonly string[]): Promise<NamedLink | null> {
    return (await loadSections(this.db, [id], preference)).get(id) ?? null;
  }

  async findAuthorBySlug(slug: string, preference: readonly string[]): Promise<AuthorView | null> {
    const author = await this.db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!author) return null;
    const [bios, avatars] = await Promise.all([
      this.db.selectFrom('author_bios').selectAll().where('author_id', '=', author.id).execute(),
      loadImages(this.db, author.avatar_image_id ? [author.avatar_image_id] : [], preference),
    ]);
    const bio = pickLocalized(bios, preference);
    return {
      id: author.id,
      name: author.name,
      slug: author.slug,
      locale: bio?.locale ?? '',
      bio: bio?.bio ?? null,
      avatar: (author.avatar_image_id && avatars.get(author.avatar_image_id)) || null,
    };
  }

  async listSections(preference: readonly string[]): Promise<NamedLink[]> {
    const [sections, names] = await Promise.all([
      this.db.selectFrom('sections').select(['id']).orderBy('position').orderBy('id').execute(),
      this.db.selectFrom('section_translations').selectAll().execute(),
    ]);
    const byId = groupBy(names, (n) => n.section_id);
    return sections.flatMap((s) => {
      const name = pickLocalized(byId.get(s.id) ?? [], preference);
      return name ? [{ id: s.id, name: name.name, slug: name.slug, locale: name.locale }] : [];
    });
  }
}
