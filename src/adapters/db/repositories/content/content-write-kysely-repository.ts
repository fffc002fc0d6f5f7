import type { Kysely } from 'kysely';
import type { ContentWriteRepository, LocalizedName, NewAuthor, NewImage, NewStory } from '../../../../modules/content/index.js';
import type { TopicKind } from '../../../../modules/content/index.js';
import type { Edition } from '../../../../modules/editions/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { pageKeys } from '../../../../modules/content/index.js';
import { refreshEntries } from './content-write-steps.js';
import { insertAuthor, insertSection, insertTopic } from '../taxonomy/taxonomy-write-steps.js';
import { UNRECORDED, type PageChanges } from './page-change-recorder.js';
import { insertInBatches, relatedOfEdition } from './read-model-steps.js';

type Progress = (done: number, total: number) => void;
const REBUILD_BATCH = 500;
const REBUILD_ROWS = 20_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class ContentWriteKyselyRepository implements ContentWriteRepository {
  /** `onSectionsChanged` lets this process's section cache refresh as soon as sections change. */
  constructor(
    private readonly db: Kysely<DB>,
    /** Where every change to what reader pages show is recorded, in the change's transaction. */
    private readonly changes: PageChanges,
    private readonly hooks: { onSectionsChanged?: () => void } = {},
  ) {}

  async createImage(input: NewImage, now: Date): Promise<string> {
    const id = newId(now.getTime());
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('images')
        .values({
          id,
          path: input.path,
          width: input.width,
          height: input.height,
          mime: input.mime,
          credit_agency: input.creditAgency ?? null,
          credit_photographer: input.creditPhotographer ?? null,
          created_at: now.toISOString(),
        })
        .execute();
      if (input.texts.length > 0) {
        await trx
          .insertInto('image_texts')
          .values(input.texts.map((t) => ({ image_id: id, locale: t.locale, alt: t.alt, caption: t.caption ?? null })))
          .execute();
      }
    });
    return id;
  }

  async createAuthor(input: NewAuthor, now: Date): Promise<string> {
    const id = newId(now.getTime());
    await this.db.transaction().execute((trx) => insertAuthor(trx, id, input, now));
    return id;
  }

  async createSection(names: LocalizedName[], position: number, now: Date): Promise<string> {
    const id = newId(now.getTime());
    await this.db.transaction().execute(async (trx) => {
      await insertSection(trx, id, names, position, now);
      // Every page's navigation lists the sections.
      await this.changes.record(trx, [pageKeys.site]);
    });
    this.hooks.onSectionsChanged?.();
    return id;
  }

  async createTopic(kind: TopicKind, names: LocalizedName[], now: Date): Promise<string> {
    const id = newId(now.getTime());
    await this.db.transaction().execute((trx) => insertTopic(trx, id, kind, names, now));
    return id;
  }

  async createStory(input: NewStory, editions: readonly Edition[], now: Date) {
    const [created] = await this.createStories([input], editions, now);
    if (!created) throw new Error('a story needs at least one translation');
    return created;
  }

  async createStories(inputs: readonly NewStory[], editions: readonly Edition[], now: Date, options: { related?: boolean } = {}) {
    const created: { storyId: string; translationIds: string[] }[] = [];
    const stories: DB['stories'][] = [];
    const translations: DB['story_translations'][] = [];
    const authors: DB['story_authors'][] = [];
    const topics: DB['story_topics'][] = [];
    const at = now.toISOString();
    for (const input of inputs) {
      const storyId = newId(now.getTime());
      const original = input.translations.find((t) => t.isOriginal) ?? input.translations[0];
      if (!original) throw new Error('a story needs at least one translation');
      stories.push({
        id: storyId,
        section_id: input.sectionId,
        lead_image_id: input.leadImageId,
        original_locale: original.locale,
        access_level: input.accessLevel ?? 'public',
        created_at: at,
        updated_at: at,
      } as DB['stories']);
      const translationIds: string[] = [];
      for (const t of input.translations) {
        const id = newId(now.getTime());
        translationIds.push(id);
        translations.push({
          id,
          story_id: storyId,
          locale: t.locale,
          title: t.title,
          dek: t.dek,
          body: JSON.stringify(t.body),
          slug: t.slug,
          status: t.status,
          published_at: iso(t.publishedAt),
          updated_at: iso(t.publishedAt) ?? at,
          created_at: at,
          is_original: t.isOriginal ? 1 : 0,
          translated_from: t.translatedFrom,
          provenance: t.provenance,
          provenance_credit: t.provenanceCredit,
          reading_minutes: t.readingMinutes,
        } as DB['story_translations']);
      }
      input.authorIds.forEach((author_id, position) => authors.push({ story_id: storyId, author_id, position }));
      input.topicIds.forEach((topic_id, position) => topics.push({ story_id: storyId, topic_id, position }));
      created.push({ storyId, translationIds });
    }
    if (created.length === 0) return created;
    await this.db.transaction().execute(async (trx) => {
      await insertInBatches(trx, 'stories', stories);
      await insertInBatches(trx, 'story_translations', translations);
      await insertInBatches(trx, 'story_authors', authors);
      await insertInBatches(trx, 'story_topics', topics);
      await refreshEntries(
        trx,
        created.map((c) => c.storyId),
        editions,
        this.changes,
        options,
      );
    });
    return created;
  }

  async rebuildEditionEntries(editions: readonly Edition[], onProgress?: Progress): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('edition_entries').execute();
      await trx.deleteFrom('edition_tag_entries').execute();
      const stories = await trx.selectFrom('stories').select('id').orderBy('id').execute();
      const ids = stories.map((s) => s.id);
      for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
        await refreshEntries(trx, ids.slice(i, i + REBUILD_BATCH), editions, UNRECORDED, { related: false });
        onProgress?.(Math.min(i + REBUILD_BATCH, ids.length), ids.length);
      }
      await this.changes.record(trx, [pageKeys.site]);
    });
    await this.rebuildRelated(onProgress);
  }

  async rebuildRelated(onProgress?: Progress): Promise<void> {
    const editions = (await this.db.selectFrom('edition_entries').select('edition').distinct().execute()).map((e) => e.edition);
    let done = 0;
    await this.db.deleteFrom('story_related').execute();
    for (const edition of editions) {
      const rows = await relatedOfEdition(this.db, edition);
      // One transaction per chunk: readers are never held up for the whole rebuild.
      for (let i = 0; i < rows.length; i += REBUILD_ROWS) {
        await this.db.transaction().execute((trx) => insertInBatches(trx, 'story_related', rows.slice(i, i + REBUILD_ROWS)));
      }
      onProgress?.(++done, editions.length);
    }
    // Any story page may now show other related stories: every cached page goes (as after any
    // site-wide change), so no page keeps listing the related stories it had before.
    await this.db.transaction().execute((trx) => this.changes.record(trx, [pageKeys.site]));
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('site_meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('site_meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  async countStories(): Promise<number> {
    const row = await this.db
      .selectFrom('stories')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
