import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { StorySummary } from '../../../../modules/content/index.js';
import type { DB } from '../../schema.js';
import { loadBylines, loadImages, type LoadedImages } from './hydrate.js';
import type { SectionCache } from './section-cache.js';

/** The columns of a story card, as one edition lists the story. */
export interface SummaryRow {
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

export const SUMMARY_COLUMNS = [
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
] as const;

/** Where a listing's rows come from: an edition (optionally one section), or a topic's or author's stories in it. */
export interface ListingSource {
  edition: string;
  now: Date;
  sectionId?: string;
  tag?: { kind: 'topic' | 'author'; id: string };
}

/**
 * The rows of a listing, latest first (then by id), each an indexed range: `edition_entries_latest`,
 * `edition_entries_section`, or `edition_tag_entries_latest` for a topic or an author.
 */
export function listingRows(db: Kysely<DB>, source: ListingSource) {
  const now = source.now.toISOString();
  if (source.tag) {
    return db
      .selectFrom('edition_tag_entries as g')
      .innerJoin('edition_entries as e', (j) => j.onRef('e.edition', '=', 'g.edition').onRef('e.story_id', '=', 'g.story_id'))
      .innerJoin('story_translations as t', 't.id', 'e.translation_id')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(SUMMARY_COLUMNS)
      .where('g.edition', '=', source.edition)
      .where('g.kind', '=', source.tag.kind)
      .where('g.tag_id', '=', source.tag.id)
      .where('g.published_at', '<=', now)
      .orderBy('g.published_at', 'desc')
      .orderBy('g.story_id', 'desc');
  }
  let q = db
    .selectFrom('edition_entries as e')
    .innerJoin('story_translations as t', 't.id', 'e.translation_id')
    .innerJoin('stories as s', 's.id', 'e.story_id')
    .select(SUMMARY_COLUMNS)
    .where('e.edition', '=', source.edition)
    .where('e.published_at', '<=', now);
  if (source.sectionId) q = q.where('e.section_id', '=', source.sectionId);
  return q.orderBy('e.published_at', 'desc').orderBy('e.story_id', 'desc');
}

/** How many stories a listing has, counting no further than `cap` (an index range of at most `cap` rows). */
export async function cappedCount(db: Kysely<DB>, source: ListingSource, cap: number): Promise<number> {
  const now = source.now.toISOString();
  const inner = source.tag
    ? db
        .selectFrom('edition_tag_entries')
        .select(sql<number>`1`.as('one'))
        .where('edition', '=', source.edition)
        .where('kind', '=', source.tag.kind)
        .where('tag_id', '=', source.tag.id)
        .where('published_at', '<=', now)
        .limit(cap)
    : db
        .selectFrom('edition_entries')
        .select(sql<number>`1`.as('one'))
        .where('edition', '=', source.edition)
        .where('published_at', '<=', now)
        .$if(!!source.sectionId, (q) => q.where('section_id', '=', source.sectionId as string))
        .limit(cap);
  const row = await db
    .selectFrom((inner as SelectQueryBuilder<DB, 'edition_entries', { one: number }>).as('c'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Turns rows into story cards: bylines and images in one batch each, section names from memory. */
export async function hydrateSummaries(
  db: Kysely<DB>,
  sections: SectionCache,
  rows: readonly SummaryRow[],
  preference: readonly string[],
  extra: { imageIds?: readonly string[] } = {},
): Promise<{ summaries: StorySummary[]; images: LoadedImages }> {
  const [images, sectionNames, bylines] = await Promise.all([
    loadImages(db, [...rows.map((r) => r.lead_image_id).filter((id): id is string => !!id), ...(extra.imageIds ?? [])]),
    sections.byIds(
      rows.map((r) => r.section_id).filter((id): id is string => !!id),
      preference,
    ),
    loadBylines(
      db,
      rows.map((r) => r.story_id),
    ),
  ]);
  const summaries = rows.map((r) => toSummary(r, images, sectionNames, bylines.get(r.story_id) ?? [], preference));
  return { summaries, images };
}

export function toSummary(
  r: SummaryRow,
  images: LoadedImages,
  sections: Map<string, StorySummary['section'] & object>,
  authors: StorySummary['authors'],
  imagePreference: readonly string[],
): StorySummary {
  return {
    storyId: r.story_id,
    translationId: r.translation_id,
    locale: r.locale,
    title: r.title,
    dek: r.dek,
    slug: r.slug,
    publishedAt: new Date(r.published_at),
    isFallback: Number(r.is_fallback) === 1,
    section: (r.section_id && sections.get(r.section_id)) || null,
    leadImage: (r.lead_image_id && images.view(r.lead_image_id, imagePreference)) || null,
    authors,
  };
}
