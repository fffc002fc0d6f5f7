import type { Transaction } from 'kysely';
import { chooseEditionTranslation } from '../../../../modules/content/index.js';
import { pageKeys } from '../../../../modules/content/index.js';
import type { Edition } from '../../../../modules/editions/index.js';
import type { DB } from '../../schema.js';
import { groupBy } from './localized.js';
import { membershipKeys, type PageChanges } from './page-change-recorder.js';
import { insertInBatches, refreshRelated, refreshTagEntries } from './read-model-steps.js';

/**
 * Steps every write to a story shares, run inside the caller's transaction: keep an old slug
 * answering, and keep the edition read model in step with the story's translations.
 */
export async function recordOldSlug(trx: Transaction<DB>, entity: string, locale: string, slug: string, targetId: string, now: Date) {
  await trx
    .insertInto('slug_history')
    .values({ entity, locale, slug, target_id: targetId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['entity', 'locale', 'slug']).doUpdateSet({ target_id: targetId, created_at: now.toISOString() }))
    .execute();
}

/**
 * Recomputes the edition read model for some stories, inside the caller's transaction (which
 * translation each edition lists, their topic and author listings and, unless `related` is false,
 * for a bulk load that computes them once at the end, their related stories), and records the
 * reader pages the change affects (the stories, the homes of the editions that listed them before
 * or list them now, their section, topic and author listings), so every process and the CDN drop
 * those pages once the transaction commits. Every write that can change what readers see of a
 * story calls this (creating published stories, saving a language version's text or story-wide
 * settings, every status change): it is the one place a story's visibility changes. Writes that
 * cannot change a reader page do not: a new story or a new translation (both drafts), marking a
 * translation synced. A correction records its story's page itself (`addCorrection`), and
 * `rebuildRelated` records the site key.
 */
export async function refreshEntries(
  trx: Transaction<DB>,
  storyIds: string[],
  editions: readonly Edition[],
  changes: PageChanges,
  options: { related?: boolean } = {},
) {
  if (storyIds.length === 0) return;
  const before = await trx.selectFrom('edition_entries').select(['edition', 'section_id']).where('story_id', 'in', storyIds).execute();
  await trx.deleteFrom('edition_entries').where('story_id', 'in', storyIds).execute();
  const rows = await trx
    .selectFrom('story_translations as t')
    .innerJoin('stories as s', 's.id', 't.story_id')
    .select(['t.id', 't.story_id', 't.locale', 't.status', 't.published_at', 's.section_id'])
    .where('t.story_id', 'in', storyIds)
    .execute();
  const entries: DB['edition_entries'][] = [];
  for (const [storyId, translations] of groupBy(rows, (r) => r.story_id)) {
    const candidates = translations.map((t) => ({ id: t.id, locale: t.locale, status: t.status, publishedAt: t.published_at }));
    for (const edition of editions) {
      const chosen = chooseEditionTranslation(edition, candidates);
      if (!chosen) continue;
      entries.push({
        edition: edition.locale,
        story_id: storyId,
        translation_id: chosen.translationId,
        section_id: translations[0]?.section_id ?? null,
        published_at: chosen.publishedAt,
        is_fallback: chosen.isFallback ? 1 : 0,
      });
    }
  }
  await insertInBatches(trx, 'edition_entries', entries);
  await refreshTagEntries(trx, storyIds, entries);
  if (options.related !== false) await refreshRelated(trx, storyIds, entries);
  await changes.record(trx, [
    ...storyIds.map(pageKeys.story),
    ...[...before, ...entries].map((e) => pageKeys.home(e.edition)),
    ...before.flatMap((e) => (e.section_id ? [pageKeys.section(e.section_id)] : [])),
    ...(await membershipKeys(trx, storyIds)),
  ]);
}

/** Recomputes the related stories of some stories from the stored entries, inside the caller's transaction. */
export async function refreshRelatedOf(trx: Transaction<DB>, storyIds: string[]) {
  if (storyIds.length === 0) return;
  const entries = await trx
    .selectFrom('edition_entries')
    .select(['edition', 'story_id', 'published_at'])
    .where('story_id', 'in', storyIds)
    .execute();
  await refreshRelated(trx, storyIds, entries);
}
