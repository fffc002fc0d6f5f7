import type { Kysely, Transaction } from 'kysely';
import { rankRelated, RELATED_WINDOW, type RelatedCandidate } from '../../../../modules/content/index.js';
import type { DB } from '../../schema.js';
import { groupBy } from './localized.js';

type Entry = Pick<DB['edition_entries'], 'edition' | 'story_id' | 'published_at'>;

/** Parameters per insert statement: well under SQLite's and PostgreSQL's limits. */
const PARAMS_PER_INSERT = 8_000;

/** Multi-row inserts of at most PARAMS_PER_INSERT values each. */
export async function insertInBatches<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: readonly DB[T][]) {
  const first = rows[0];
  if (!first) return;
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_INSERT / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot narrow a generic table's row type; the rows are the table's own.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

/**
 * Lists each of these stories' edition entries under their topics and authors
 * (`edition_tag_entries`), inside the caller's transaction, after their entries were recomputed.
 */
export async function refreshTagEntries(trx: Transaction<DB>, storyIds: readonly string[], entries: readonly Entry[]) {
  if (storyIds.length === 0) return;
  await trx
    .deleteFrom('edition_tag_entries')
    .where('story_id', 'in', [...storyIds])
    .execute();
  if (entries.length === 0) return;
  const [topics, authors] = await Promise.all([
    trx
      .selectFrom('story_topics')
      .select(['story_id', 'topic_id'])
      .where('story_id', 'in', [...storyIds])
      .execute(),
    trx
      .selectFrom('story_authors')
      .select(['story_id', 'author_id'])
      .where('story_id', 'in', [...storyIds])
      .execute(),
  ]);
  const topicsOf = groupBy(topics, (t) => t.story_id);
  const authorsOf = groupBy(authors, (a) => a.story_id);
  const rows: DB['edition_tag_entries'][] = [];
  for (const e of entries) {
    const base = { edition: e.edition, story_id: e.story_id, published_at: e.published_at };
    for (const t of topicsOf.get(e.story_id) ?? []) rows.push({ ...base, kind: 'topic', tag_id: t.topic_id });
    for (const a of authorsOf.get(e.story_id) ?? []) rows.push({ ...base, kind: 'author', tag_id: a.author_id });
  }
  await insertInBatches(trx, 'edition_tag_entries', rows);
}

/**
 * Recomputes and stores these stories' related stories in every edition that lists them
 * (`rankRelated` over a bounded window per topic), inside the caller's transaction.
 */
export async function refreshRelated(trx: Transaction<DB>, storyIds: readonly string[], entries: readonly Entry[]) {
  if (storyIds.length === 0) return;
  await trx
    .deleteFrom('story_related')
    .where('story_id', 'in', [...storyIds])
    .execute();
  if (entries.length === 0) return;
  const topics = await trx
    .selectFrom('story_topics')
    .select(['story_id', 'topic_id'])
    .where('story_id', 'in', [...storyIds])
    .execute();
  const topicsOf = groupBy(topics, (t) => t.story_id);
  const rows: DB['story_related'][] = [];
  for (const e of entries) {
    const topicIds = (topicsOf.get(e.story_id) ?? []).map((t) => t.topic_id);
    if (topicIds.length === 0) continue;
    const ranked = rankRelated(e.story_id, await relatedCandidates(trx, e, topicIds));
    if (ranked.length > 0) rows.push({ story_id: e.story_id, edition: e.edition, related_ids: ranked.join(' ') });
  }
  await insertInBatches(trx, 'story_related', rows);
}

/** For each topic, the stories the edition lists under it that were published nearest before this one. */
async function relatedCandidates(trx: Transaction<DB>, entry: Entry, topicIds: readonly string[]): Promise<RelatedCandidate[]> {
  const window = (topicId: string) =>
    trx
      .selectFrom('edition_tag_entries')
      .select(['story_id', 'published_at'])
      .where('edition', '=', entry.edition)
      .where('kind', '=', 'topic')
      .where('tag_id', '=', topicId)
      .where('published_at', '<=', entry.published_at)
      .where('story_id', '!=', entry.story_id)
      .orderBy('published_at', 'desc')
      .orderBy('story_id', 'desc')
      .limit(RELATED_WINDOW);
  const [first, ...rest] = topicIds.map((id, i) => trx.selectFrom(window(id).as(`w${i}`)).select(['story_id', 'published_at']));
  if (!first) return [];
  const query = rest.reduce((q, next) => q.unionAll(next), first);
  const rows = await query.execute();
  return rows.map((r) => ({ storyId: r.story_id, publishedAt: r.published_at }));
}

interface TagRow {
  story_id: string;
  tag_id: string;
  published_at: string;
}

/** Latest first, then by id: the order of `edition_tag_entries_latest` read backwards. */
const latestFirst = (a: TagRow, b: TagRow) =>
  a.published_at === b.published_at
    ? a.story_id < b.story_id
      ? 1
      : a.story_id > b.story_id
        ? -1
        : 0
    : a.published_at < b.published_at
      ? 1
      : -1;

/**
 * Every story's related stories in one edition, for a bulk load or a rebuild: the same window and
 * ranking as `refreshRelated` (a test holds them equal), computed from one read of the edition's
 * topic listings instead of one statement per story. Returns the rows to store.
 */
export async function relatedOfEdition(db: Kysely<DB>, edition: string): Promise<DB['story_related'][]> {
  const rows = await db
    .selectFrom('edition_tag_entries')
    .select(['story_id', 'tag_id', 'published_at'])
    .where('edition', '=', edition)
    .where('kind', '=', 'topic')
    .execute();
  const byTopic = groupBy(rows, (r) => r.tag_id);
  for (const list of byTopic.values()) list.sort(latestFirst);
  const topicsOf = groupBy(rows, (r) => r.story_id);
  const result: DB['story_related'][] = [];
  for (const [storyId, own] of topicsOf) {
    const publishedAt = (own[0] as TagRow).published_at;
    const candidates: RelatedCandidate[] = [];
    for (const { tag_id } of own) {
      const list = byTopic.get(tag_id) ?? [];
      // The first entry published at or before this story (binary search on the descending list).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as TagRow).published_at > publishedAt) lo = mid + 1;
        else hi = mid;
      }
      let taken = 0;
      for (let i = lo; i < list.length && taken < RELATED_WINDOW; i++) {
        const entry = list[i] as TagRow;
        if (entry.story_id === storyId) continue;
        candidates.push({ storyId: entry.story_id, publishedAt: entry.published_at });
        taken++;
      }
    }
    const ranked = rankRelated(storyId, candidates);
    if (ranked.length > 0) result.push({ story_id: storyId, edition, related_ids: ranked.join(' ') });
  }
  return result;
}
