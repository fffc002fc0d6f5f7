import type { Transaction } from 'kysely';
import type { LocalizedName, NewAuthor, TopicKind } from '../../../../modules/content/index.js';
import type { DB } from '../../schema.js';
import { recordOldSlug } from '../content/content-write-steps.js';

/**
 * The one way each taxonomy row is written, inside the caller's transaction: the demo seed
 * (ContentWriteKyselyRepository) and the newsroom (TaxonomyKyselyWrites) both call these. A changed
 * slug keeps answering (slug_history), as a story's does.
 */
export async function insertAuthor(trx: Transaction<DB>, id: string, input: NewAuthor & { staffId?: string | null }, now: Date) {
  await trx
    .insertInto('authors')
    .values({
      id,
      slug: input.slug,
      name: input.name,
      avatar_image_id: input.avatarImageId ?? null,
      staff_id: input.staffId ?? null,
      created_at: now.toISOString(),
    })
    .execute();
  if (input.bios.length > 0) {
    await trx
      .insertInto('author_bios')
      .values(input.bios.map((b) => ({ author_id: id, locale: b.locale, bio: b.bio })))
      .execute();
  }
}

export async function insertSection(trx: Transaction<DB>, id: string, names: readonly LocalizedName[], position: number, now: Date) {
  await trx.insertInto('sections').values({ id, position, created_at: now.toISOString() }).execute();
  await trx
    .insertInto('section_translations')
    .values(names.map((n) => ({ section_id: id, locale: n.locale, name: n.name, slug: n.slug })))
    .execute();
}

export async function insertTopic(trx: Transaction<DB>, id: string, kind: TopicKind, names: readonly LocalizedName[], now: Date) {
  await trx.insertInto('topics').values({ id, kind, created_at: now.toISOString() }).execute();
  await trx
    .insertInto('topic_translations')
    .values(names.map((n) => ({ topic_id: id, locale: n.locale, name: n.name, slug: n.slug })))
    .execute();
}

/** Sets a topic's or a section's name in one locale (adding the locale if new); its old slug keeps answering. */
export async function writeLocalizedName(trx: Transaction<DB>, entity: 'topic' | 'section', id: string, name: LocalizedName, now: Date) {
  const current =
    entity === 'topic'
      ? await trx
          .selectFrom('topic_translations')
          .select('slug')
          .where('topic_id', '=', id)
          .where('locale', '=', name.locale)
          .executeTakeFirst()
      : await trx
          .selectFrom('section_translations')
          .select('slug')
          .where('section_id', '=', id)
          .where('locale', '=', name.locale)
          .executeTakeFirst();
  if (current && current.slug !== name.slug) await recordOldSlug(trx, entity, name.locale, current.slug, id, now);
  // The new slug names this entity now: an old entry for it would point elsewhere or loop.
  await trx
    .deleteFrom('slug_history')
    .where('entity', '=', entity)
    .where('locale', '=', name.locale)
    .where('slug', '=', name.slug)
    .execute();
  if (entity === 'topic') {
    await trx
      .insertInto('topic_translations')
      .values({ topic_id: id, locale: name.locale, name: name.name, slug: name.slug })
      .onConflict((oc) => oc.columns(['topic_id', 'locale']).doUpdateSet({ name: name.name, slug: name.slug }))
      .execute();
  } else {
    await trx
      .insertInto('section_translations')
      .values({ section_id: id, locale: name.locale, name: name.name, slug: name.slug })
      .onConflict((oc) => oc.columns(['section_id', 'locale']).doUpdateSet({ name: name.name, slug: name.slug }))
      .execute();
  }
}
