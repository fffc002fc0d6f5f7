import type { Kysely, Transaction } from 'kysely';
import type { LocalizedName, TopicKind } from '../../../../modules/content/index.js';
import { pageKeys } from '../../../../modules/content/index.js';
import type { AuthorChange, AuthorFields, InTransaction, TaxonomyWrites } from '../../../../modules/newsroom/taxonomy/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { recordOldSlug } from '../content/content-write-steps.js';
import type { PageChanges } from '../content/page-change-recorder.js';
import { insertAuthor, insertSection, insertTopic, writeLocalizedName } from './taxonomy-write-steps.js';

/**
 * The newsroom's writes of authors, sections and topics. Each runs in one transaction with its
 * audit entry (`inTx`) and records the `site` page key: names of sections, topics and authors show
 * on every page's navigation, cards and bylines, and such changes are rare. Section changes also
 * refresh this process's section cache (`onSectionsChanged`); other processes refresh theirs when
 * the page change reaches them (ContentReadKyselyRepository).
 */
export class TaxonomyKyselyWrites implements TaxonomyWrites {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly changes: PageChanges,
    private readonly hooks: { onSectionsChanged?: () => void } = {},
  ) {}

  private async write<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await this.changes.record(trx, [pageKeys.site]);
      return result;
    });
  }

  async createAuthor(input: AuthorFields, now: Date, inTx: InTransaction) {
    const id = newId(now.getTime());
    await this.write(async (trx) => {
      await insertAuthor(trx, id, input, now);
      await inTx(trx, id);
    });
    return id;
  }

  async updateAuthor(id: string, change: AuthorChange, oldSlugLocales: readonly string[], now: Date, inTx: InTransaction) {
    await this.write(async (trx) => {
      const current = await trx.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
      if (change.slug !== undefined && change.slug !== current.slug) {
        // An author has one slug in every edition: the old one answers in each.
        for (const locale of oldSlugLocales) await recordOldSlug(trx, 'author', locale, current.slug, id, now);
        await trx.deleteFrom('slug_history').where('entity', '=', 'author').where('slug', '=', change.slug).execute();
      }
      const set = {
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.slug !== undefined ? { slug: change.slug } : {}),
        ...(change.avatarImageId !== undefined ? { avatar_image_id: change.avatarImageId } : {}),
        ...(change.staffId !== undefined ? { staff_id: change.staffId } : {}),
      };
      if (Object.keys(set).length > 0) await trx.updateTable('authors').set(set).where('id', '=', id).execute();
      for (const b of change.bios) {
        if (b.bio === null) {
          await trx.deleteFrom('author_bios').where('author_id', '=', id).where('locale', '=', b.locale).execute();
        } else {
          const bio = b.bio;
          await trx
            .insertInto('author_bios')
            .values({ author_id: id, locale: b.locale, bio })
            .onConflict((oc) => oc.columns(['author_id', 'locale']).doUpdateSet({ bio }))
            .execute();
        }
      }
      await inTx(trx, id);
    });
  }

  async deleteAuthor(id: string, inTx: InTransaction) {
    return this.write(async (trx) => {
      const usedBy = await storiesOfAuthor(trx, id);
      if (usedBy > 0) return { usedBy };
      await trx.deleteFrom('slug_history').where('entity', '=', 'author').where('target_id', '=', id).execute();
      await trx.deleteFrom('authors').where('id', '=', id).execute();
      await inTx(trx, id);
      return { usedBy: 0 };
    });
  }

  async createSection(names: LocalizedName[], position: number | null, now: Date, inTx: InTransaction) {
    const id = newId(now.getTime());
    await this.write(async (trx) => {
      const last = await trx
        .selectFrom('sections')
        .select((eb) => eb.fn.max('position').as('top'))
        .executeTakeFirst();
      const end = last?.top === null || last?.top === undefined ? 0 : Number(last.top) + 1;
      await insertSection(trx, id, names, end, now);
      if (position !== null) await placeSection(trx, id, position);
      await inTx(trx, id);
    });
    this.hooks.onSectionsChanged?.();
    return id;
  }

  async updateSection(id: string, names: LocalizedName[], position: number | null, now: Date, inTx: InTransaction) {
    await this.write(async (trx) => {
      for (const name of names) await writeLocalizedName(trx, 'section', id, name, now);
      if (position !== null) await placeSection(trx, id, position);
      await inTx(trx, id);
    });
    this.hooks.onSectionsChanged?.();
  }

  async deleteSection(id: string, inTx: InTransaction) {
    const result = await this.write(async (trx) => {
      const usedBy = await storiesInSection(trx, id);
      if (usedBy > 0) return { usedBy };
      await trx.deleteFrom('slug_history').where('entity', '=', 'section').where('target_id', '=', id).execute();
      await trx.deleteFrom('sections').where('id', '=', id).execute();
      await inTx(trx, id);
      return { usedBy: 0 };
    });
    this.hooks.onSectionsChanged?.();
    return result;
  }

  async createTopic(kind: TopicKind, names: LocalizedName[], now: Date, inTx: InTransaction) {
    const id = newId(now.getTime());
    // A new topic is on no page yet: no page key.
    await this.db.transaction().execute(async (trx) => {
      await insertTopic(trx, id, kind, names, now);
      await inTx(trx, id);
    });
    return id;
  }

  async updateTopic(id: string, kind: TopicKind | null, names: LocalizedName[], now: Date, inTx: InTransaction) {
    await this.write(async (trx) => {
      if (kind !== null) await trx.updateTable('topics').set({ kind }).where('id', '=', id).execute();
      for (const name of names) await writeLocalizedName(trx, 'topic', id, name, now);
      await inTx(trx, id);
    });
  }
}

async function storiesOfAuthor(trx: Transaction<DB>, id: string): Promise<number> {
  const row = await trx
    .selectFrom('story_authors')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('author_id', '=', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function storiesInSection(trx: Transaction<DB>, id: string): Promise<number> {
  const row = await trx
    .selectFrom('stories')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('section_id', '=', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Moves a section to `position` (from 0) in the navigation, numbering every section again 0..n-1. */
async function placeSection(trx: Transaction<DB>, id: string, position: number) {
  const rows = await trx.selectFrom('sections').select('id').orderBy('position').orderBy('id').execute();
  const order = rows.map((r) => r.id).filter((s) => s !== id);
  order.splice(Math.min(position, order.length), 0, id);
  for (const [i, sectionId] of order.entries())
    await trx.updateTable('sections').set({ position: i }).where('id', '=', sectionId).execute();
}
