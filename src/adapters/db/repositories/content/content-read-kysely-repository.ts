import { sql, type Kysely } from 'kysely';
import type { AuthorView, BlockQuery, ContentReadRepository, ListQuery, SlugEntity, StoryHead } from '../../../../modules/content/index.js';
import type { NamedLink, Page, StorySummary, TopicKind, TopicLink } from '../../../../modules/content/index.js';
import type { Edition } from '../../../../modules/editions/index.js';
import type { DB } from '../../schema.js';
import { loadImages } from './hydrate.js';
import { pickLocalized } from './localized.js';
import { SectionCache } from './section-cache.js';
import { findStoryByOldSlug, findStoryBySlug, loadStoryPage } from './story-page-reads.js';
import { cappedCount, hydrateSummaries, listingRows, type ListingSource, type SummaryRow } from './summary-reads.js';

function sourceOf(query: ListQuery): ListingSource {
  if (query.topicId && query.authorId) throw new Error('a listing narrows to a topic or an author, not both');
  const tag = query.topicId
    ? { kind: 'topic' as const, id: query.topicId }
    : query.authorId
      ? { kind: 'author' as const, id: query.authorId }
      : undefined;
  return { edition: query.edition.locale, now: query.now, ...(query.sectionId && { sectionId: query.sectionId }), ...(tag && { tag }) };
}

/**
 * The reader site's reads. Every one is an indexed range of bounded length (the plans are checked
 * by test/http/reader-query-plans.test.ts); sections come from memory (`SectionCache`).
 */
export class ContentReadKyselyRepository implements ContentReadRepository {
  private readonly sections: SectionCache;

  constructor(private readonly db: Kysely<DB>) {
    this.sections = new SectionCache(db);
  }

  /** Sections changed in this process: the next request reads them again. */
  invalidateSections(): void {
    this.sections.invalidate();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async listStories(query: ListQuery): Promise<Page<StorySummary>> {
    const source = sourceOf(query);
    const [total, rows] = await Promise.all([
      cappedCount(this.db, source, query.countCap),
      listingRows(this.db, source)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute() as Promise<SummaryRow[]>,
    ]);
    const { summaries } = await hydrateSummaries(this.db, this.sections, rows, query.localePreference);
    return { items: summaries, total, capped: total >= query.countCap, page: query.page, pageSize: query.pageSize };
  }

  async countStories(query: ListQuery): Promise<{ total: number; capped: boolean }> {
    const total = await cappedCount(this.db, sourceOf(query), query.countCap);
    return { total, capped: total >= query.countCap };
  }

  async listBlocks(edition: Edition, now: Date, preference: readonly string[], blocks: readonly BlockQuery[]): Promise<StorySummary[][]> {
    const parts = blocks.map((block, i) =>
      this.db
        .selectFrom(
          listingRows(this.db, { edition: edition.locale, now, ...(block.sectionId && { sectionId: block.sectionId }) })
            .select(sql<number>`${sql.lit(i)}`.as('block'))
            .limit(block.limit)
            .as(`b${i}`),
        )
        .selectAll(),
    );
    const [first, ...rest] = parts;
    if (!first) return [];
    const rows = (await rest.reduce((q, next) => q.unionAll(next), first).execute()) as (SummaryRow & { block: number | string })[];
    const { summaries } = await hydrateSummaries(this.db, this.sections, rows, preference);
    const result: StorySummary[][] = blocks.map(() => []);
    rows.forEach((row, i) => result[Number(row.block)]?.push(summaries[i] as StorySummary));
    // A union keeps no order of its own: each block is put back latest first.
    for (const list of result) {
      list.sort(
        (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.storyId < b.storyId ? 1 : a.storyId > b.storyId ? -1 : 0),
      );
    }
    return result;
  }

  findStoryBySlug(edition: string, slug: string, locales: readonly string[], now: Date): Promise<StoryHead | null> {
    return findStoryBySlug(this.db, edition, slug, locales, now);
  }

  findStoryByOldSlug(edition: string, slug: string, locales: readonly string[], now: Date) {
    return findStoryByOldSlug(this.db, edition, slug, locales, now);
  }

  loadStoryPage(head: StoryHead, edition: Edition, preference: readonly string[], now: Date, sidebar: number) {
    return loadStoryPage(this.db, this.sections, head, edition.locale, preference, now, sidebar);
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

  /** A topic named in the preferred locale; with `slug`, the topic that slug names in one of `locales`. */
  private async namedTopic(
    find: { id: string } | { slug: string; locales: readonly string[] },
    preference: readonly string[],
  ): Promise<TopicLink | null> {
    let q = this.db
      .selectFrom('topic_translations as tt')
      .innerJoin('topics as tp', 'tp.id', 'tt.topic_id')
      .select(['tt.topic_id', 'tt.locale', 'tt.name', 'tt.slug', 'tp.kind']);
    if ('id' in find) q = q.where('tt.topic_id', '=', find.id);
    else {
      if (find.locales.length === 0) return null;
      const { slug, locales } = find;
      q = q.where('tt.topic_id', 'in', (s) =>
        s
          .selectFrom('topic_translations')
          .select('topic_id')
          .where('slug', '=', slug)
          .where('locale', 'in', [...locales]),
      );
    }
    const rows = await q.execute();
    if ('slug' in find) {
      // Several topics may use the slug in different locales: the most preferred locale's wins.
      const hit = pickLocalized(
        rows.filter((r) => r.slug === find.slug && find.locales.includes(r.locale)),
        find.locales,
      );
      if (!hit) return null;
      return this.pick(
        rows.filter((r) => r.topic_id === hit.topic_id),
        preference,
      );
    }
    return this.pick(rows, preference);
  }

  private pick(
    rows: { topic_id: string; locale: string; name: string; slug: string; kind: string }[],
    preference: readonly string[],
  ): TopicLink | null {
    const name = pickLocalized(rows, preference);
    return name ? { id: name.topic_id, kind: name.kind as TopicKind, name: name.name, slug: name.slug, locale: name.locale } : null;
  }

  findTopicBySlug(slug: string, locales: readonly string[], preference: readonly string[]): Promise<TopicLink | null> {
    return this.namedTopic({ slug, locales }, preference);
  }

  findTopicById(id: string, preference: readonly string[]): Promise<TopicLink | null> {
    return this.namedTopic({ id }, preference);
  }

  async findSectionBySlug(slug: string, locales: readonly string[], preference: readonly string[]): Promise<NamedLink | null> {
    const id = await this.sections.bySlug(slug, locales);
    return id ? this.findSectionById(id, preference) : null;
  }

  async findSectionById(id: string, preference: readonly string[]): Promise<NamedLink | null> {
    return (await this.sections.byIds([id], preference)).get(id) ?? null;
  }

  findAuthorBySlug(slug: string, preference: readonly string[]): Promise<AuthorView | null> {
    return this.findAuthor('slug', slug, preference);
  }

  findAuthorById(id: string, preference: readonly string[]): Promise<AuthorView | null> {
    return this.findAuthor('id', id, preference);
  }

  private async findAuthor(by: 'id' | 'slug', value: string, preference: readonly string[]): Promise<AuthorView | null> {
    const rows = await this.db
      .selectFrom('authors as a')
      .leftJoin('author_bios as b', 'b.author_id', 'a.id')
      .select(['a.id', 'a.name', 'a.slug', 'a.avatar_image_id', 'b.locale', 'b.bio'])
      .where(by === 'id' ? 'a.id' : 'a.slug', '=', value)
      .execute();
    const author = rows[0];
    if (!author) return null;
    const bio = pickLocalized(
      rows.filter((r): r is typeof r & { locale: string } => r.locale !== null),
      preference,
    );
    const avatar = author.avatar_image_id
      ? (await loadImages(this.db, [author.avatar_image_id])).view(author.avatar_image_id, preference)
      : null;
    return { id: author.id, name: author.name, slug: author.slug, locale: bio?.locale ?? '', bio: bio?.bio ?? null, avatar };
  }

  listSections(preference: readonly string[]): Promise<NamedLink[]> {
    return this.sections.list(preference);
  }
}
