import type { Transaction } from 'kysely';
import { rankRelated, RELATED_WINDOW, type RelatedCandidate } from '../../../../modules/content/related-stories.js';
import type { DB } from '../../schema.js';
import { groupBy } from './localized.js';

type Entry = Pick<DB['edition_entries'], 'edition' | 'story_id' | 'published_at'>;

const BATCH_ROWS = 200;

async function insertInBatches<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: readonly DB[T][]) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    // Kysely cannot narrow a generic table's row type; the rows are the table's own.
    await trx.insertInto(table).values(rows.slice(i, i + BATCH_ROWS) as never).execute();
  }
}

/**
 * Lists each of these stories' edition entries under their topics and authors
 * (`edition_tag_entries`), inside the caller's transaction, after their entries were recomputed.
 */
export async function refreshTagEntries(trx: Transaction<DB>, storyIds: readonly string[], entries: readonly Entry[]) {
  if (storyIds.length === 0) return;
  await trx.deleteFrom('edition_tag_entries').where('story_id', 'in', [...storyIds]).execute();
  if (entries.length === 0) return;
  const [topics, authors] = await Promise.all([
    trx.selectFrom('story_topics').select(['story_id', 'topic_id']).where('story_id', 'in', [...storyIds]).execute(),
    trx.selectFrom('story_authors').select(['story_id', 'author_id']).where('story_id', 'in', [...storyIds]).execute(),
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
  await trx.deleteFrom('story_related').where('story_id', 'in', [...storyIds]).execute();
  if (entries.length === 0) return;
  const topics = await trx.selectFrom('story_topics').select(['story_id', 'topic_id']).where('story_id', 'in', [...storyIds]).execute();
  const topicsOf = groupBy(topics, (t) => t.story_id);
  const rows: DB['story_related'][] = [];
  for (const e of entries) {
    const topicIds = (topicsOf.get(e.story_id) ?? []).map((t) => t.topic_id);
    if (topicIds.length === 0) continue;
    const candidates = await relatedCandidates(trx, e, topicIds);
    rankRelated(e.story_id, candidates).forEach((relatedId, position) =>
      rows.push({ story_id: e.story_id, edition: e.edition, position, related_id: relatedId }),
    );
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
