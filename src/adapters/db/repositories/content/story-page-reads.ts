import { sql, type Kysely } from 'kysely';
import type { StoryHead, StoryPageData } from '../../../../modules/content/index.js';
import { accessLevelSchema, type AccessLevel, type Provenance, type TopicKind, type TopicLink } from '../../../../modules/content/index.js';
import { parseStoredDocument, type StoryDocument } from '../../../../modules/content/document/index.js';
import type { DB } from '../../schema.js';
import { groupBy, pickLocalized } from './localized.js';
import type { SectionCache } from './section-cache.js';
import { hydrateSummaries, SUMMARY_COLUMNS, type SummaryRow } from './summary-reads.js';

/** Bad data never opens a story: a level we do not know is the strictest one. */
function storyAccessLevel(stored: string | null | undefined): AccessLevel {
  const known = accessLevelSchema.safeParse(stored);
  return known.success ? known.data : 'paid';
}

/** Library images the body's image blocks name (images sit at the top level of a document). */
function bodyImageIds(body: StoryDocument): string[] {
  return body.content.flatMap((block) => (block.type === 'image' && block.attrs.imageId ? [block.attrs.imageId] : []));
}

/**
 * The story a slug names in an edition, in one statement: the translations with that slug in one
 * of `locales` → the edition's entry for their story (published by `now`) → the translation the
 * edition lists and the story. The edition entry is read once, here. The most preferred locale
 * with an entry wins; `direct` says whether the slug is the listed translation's own.
 */
export async function findStoryBySlug(
  db: Kysely<DB>,
  edition: string,
  slug: string,
  locales: readonly string[],
  now: Date,
): Promise<StoryHead | null> {
  if (locales.length === 0) return null;
  const rows = await db
    .selectFrom('story_translations as m')
    // A cross join keeps SQLite from starting at the edition's entries (a range as long as the
    // edition): the slug's translations come first, then each one's entry by its key.
    .crossJoin('edition_entries as e')
    .innerJoin('story_translations as t', 't.id', 'e.translation_id')
    .innerJoin('stories as s', 's.id', 'e.story_id')
    .leftJoin('story_related as r', (j) => j.onRef('r.story_id', '=', 'e.story_id').onRef('r.edition', '=', 'e.edition'))
    .select(SUMMARY_COLUMNS)
    .select([
      'r.related_ids',
      'm.id as matched_id',
      'm.locale as matched_locale',
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
    .where('m.slug', '=', slug)
    .where('m.locale', 'in', [...locales])
    .where('e.edition', '=', edition)
    .whereRef('e.story_id', '=', 'm.story_id')
    .where('e.published_at', '<=', now.toISOString())
    .execute();
  const row = rows.sort((a, b) => locales.indexOf(a.matched_locale) - locales.indexOf(b.matched_locale))[0];
  if (!row) return null;
  return {
    row: row as SummaryRow,
    direct: row.translation_id === row.matched_id,
    storyId: row.story_id,
    translationId: row.translation_id,
    slug: row.slug,
    publishedAt: new Date(row.published_at),
    locale: row.locale,
    body: parseStoredDocument(row.body),
    updatedAt: new Date(row.updated_at),
    isOriginal: Number(row.is_original) === 1,
    translatedFrom: row.translated_from,
    provenance: row.provenance as Provenance,
    provenanceCredit: row.provenance_credit,
    readingMinutes: Number(row.reading_minutes),
    originalLocale: row.original_locale,
    accessLevel: storyAccessLevel(row.access_level),
    seoTitle: row.seo_title ?? null,
    seoDescription: row.seo_description ?? null,
  };
}

/** Where a former slug of a story now answers in an edition: the listed translation's slug and date. */
export async function findStoryByOldSlug(db: Kysely<DB>, edition: string, slug: string, locales: readonly string[], now: Date) {
  if (locales.length === 0) return null;
  const rows = await db
    .selectFrom('slug_history as h')
    .innerJoin('story_translations as m', 'm.id', 'h.target_id')
    .crossJoin('edition_entries as e')
    .where('e.edition', '=', edition)
    .whereRef('e.story_id', '=', 'm.story_id')
    .innerJoin('story_translations as t', 't.id', 'e.translation_id')
    .select(['h.locale', 't.slug', 'e.published_at'])
    .where('h.entity', '=', 'story')
    .where('h.locale', 'in', [...locales])
    .where('h.slug', '=', slug)
    .where('e.published_at', '<=', now.toISOString())
    .execute();
  const best = pickLocalized(rows, locales);
  return best ? { slug: best.slug, publishedAt: new Date(best.published_at) } : null;
}

/**
 * The rest of the story page, in a fixed number of statements whatever the archive holds: topics,
 * other translations, corrections, the two sidebars (one statement: the first author's latest
 * stories by index, and the stored related stories), then bylines and images for all of them.
 */
export async function loadStoryPage(
  db: Kysely<DB>,
  sections: SectionCache,
  head: StoryHead,
  edition: string,
  preference: readonly string[],
  now: Date,
  sidebar: number,
): Promise<StoryPageData> {
  const nowIso = now.toISOString();
  const [topics, translations, corrections, sidebarRows] = await Promise.all([
    topicsOf(db, head.storyId, preference),
    // The published translations, each with the editions that list it (one row per edition, or
    // one row without an edition): the "other languages" list and the header's language links.
    db
      .selectFrom('story_translations as t')
      .leftJoin('edition_entries as e', (j) =>
        j.onRef('e.translation_id', '=', 't.id').onRef('e.story_id', '=', 't.story_id').on('e.published_at', '<=', nowIso),
      )
      .select(['t.id', 't.locale', 't.slug', 't.title', 't.published_at', 't.is_original', 'e.edition', 'e.published_at as listed_at'])
      .where('t.story_id', '=', head.storyId)
      .where('t.status', '=', 'published')
      .where('t.published_at', '<=', nowIso)
      .orderBy('t.is_original', 'desc')
      .orderBy('t.locale')
      .orderBy('e.edition')
      .execute(),
    db
      .selectFrom('story_corrections')
      .select(['kind', 'text', 'created_at'])
      .where('translation_id', '=', head.translationId)
      .orderBy('created_at')
      .execute(),
    sidebarsOf(db, head.storyId, relatedIdsOf(head), edition, nowIso, sidebar),
  ]);
  const headRow = head.row as SummaryRow;
  const rows = [headRow, ...sidebarRows];
  const { summaries, images } = await hydrateSummaries(db, sections, rows, preference, { imageIds: bodyImageIds(head.body) });
  const [, ...sidebarSummaries] = summaries;
  const moreFromAuthor = sidebarSummaries.filter((_, i) => sidebarRows[i]?.block === 'author');
  const shown = new Set(moreFromAuthor.map((s) => s.storyId));
  const related = sidebarSummaries.filter((s, i) => sidebarRows[i]?.block === 'related' && !shown.has(s.storyId)).slice(0, sidebar);
  const mainSummary = summaries[0] as (typeof summaries)[number];
  // Captions and alt text belong to the content: prefer the story's language for them.
  const leadImage = headRow.lead_image_id ? images.view(headRow.lead_image_id, [head.locale, ...preference]) : null;
  const bodyImages: Record<string, NonNullable<ReturnType<typeof images.view>>['renditions'] & object> = {};
  for (const id of bodyImageIds(head.body)) {
    const image = images.view(id, preference);
    if (image) bodyImages[id] = image.renditions ?? [];
  }
  return {
    moreFromAuthor,
    related,
    story: {
      ...mainSummary,
      leadImage,
      body: head.body,
      bodyImages,
      updatedAt: head.updatedAt,
      isOriginal: head.isOriginal,
      translatedFrom: head.translatedFrom,
      provenance: head.provenance,
      provenanceCredit: head.provenanceCredit,
      readingMinutes: head.readingMinutes,
      originalLocale: head.originalLocale,
      accessLevel: head.accessLevel,
      topics,
      seoTitle: head.seoTitle,
      seoDescription: head.seoDescription,
      corrections: corrections.map((c) => ({ kind: c.kind as 'correction' | 'update', text: c.text, at: new Date(c.created_at) })),
      translations: [...groupBy(translations, (t) => t.id).values()]
        .map((rows) => rows[0] as (typeof translations)[number])
        .map((t) => ({
          id: t.id,
          locale: t.locale,
          slug: t.slug,
          title: t.title,
          publishedAt: new Date(t.published_at as string),
          isOriginal: Number(t.is_original) === 1,
        })),
      listings: translations.flatMap((t) =>
        t.edition && t.listed_at
          ? [{ edition: t.edition, slug: t.slug, publishedAt: new Date(t.listed_at as string), locale: t.locale }]
          : [],
      ),
    },
  };
}

/**
 * Both sidebars in one statement. "More from this author": the first author's latest stories in
 * the edition, a range of `edition_tag_entries`' key. "Related": the stored ranking (read with the
 * story), those still listed and published by now; stories already under the author are left out
 * by the caller, which is why more are stored than shown.
 */
/** The stored related stories, read with the story by `findStoryBySlug`. */
const relatedIdsOf = (head: StoryHead): string[] => (head.row as { related_ids: string | null }).related_ids?.split(' ') ?? [];

async function sidebarsOf(
  db: Kysely<DB>,
  storyId: string,
  relatedIds: readonly string[],
  edition: string,
  nowIso: string,
  sidebar: number,
) {
  const firstAuthor = db.selectFrom('story_authors').select('author_id').where('story_id', '=', storyId).orderBy('position').limit(1);
  const byAuthor = db
    .selectFrom('edition_tag_entries as g')
    .innerJoin('edition_entries as e', (j) => j.onRef('e.edition', '=', 'g.edition').onRef('e.story_id', '=', 'g.story_id'))
    .innerJoin('story_translations as t', 't.id', 'e.translation_id')
    .innerJoin('stories as s', 's.id', 'e.story_id')
    .select(SUMMARY_COLUMNS)
    .select(sql<string>`'author'`.as('block'))
    .where('g.edition', '=', edition)
    .where('g.kind', '=', 'author')
    .where('g.tag_id', '=', firstAuthor)
    .where('g.published_at', '<=', nowIso)
    .where('g.story_id', '!=', storyId)
    .orderBy('g.published_at', 'desc')
    .orderBy('g.story_id', 'desc')
    .limit(sidebar);
  let query = db.selectFrom(byAuthor.as('a')).selectAll();
  if (relatedIds.length > 0) {
    const related = db
      .selectFrom('edition_entries as e')
      .innerJoin('story_translations as t', 't.id', 'e.translation_id')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(SUMMARY_COLUMNS)
      .select(sql<string>`'related'`.as('block'))
      .where('e.edition', '=', edition)
      .where('e.story_id', 'in', [...relatedIds])
      .where('e.published_at', '<=', nowIso);
    query = query.unionAll(db.selectFrom(related.as('r')).selectAll());
  }
  const rows = (await query.execute()) as (SummaryRow & { block: string })[];
  // A union keeps no order of its own: each block is put back in its own.
  const latestFirst = (a: SummaryRow, b: SummaryRow) =>
    a.published_at === b.published_at ? (a.story_id < b.story_id ? 1 : -1) : a.published_at < b.published_at ? 1 : -1;
  const rank = new Map(relatedIds.map((id, i) => [id, i]));
  return [
    ...rows.filter((r) => r.block === 'author').sort(latestFirst),
    ...rows.filter((r) => r.block === 'related').sort((a, b) => (rank.get(a.story_id) ?? 0) - (rank.get(b.story_id) ?? 0)),
  ];
}

async function topicsOf(db: Kysely<DB>, storyId: string, preference: readonly string[]): Promise<TopicLink[]> {
  const rows = await db
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
