import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  LibraryQuery,
  MediaImage,
  MediaRepository,
  MediaRendition,
  NewMediaImage,
  OutputFormat,
} from '../../../../modules/media/index.js';
import type { DB } from '../../schema.js';
import { groupBy } from '../content/localized.js';

/** LIKE with an explicit escape character: SQLite has no default one, PostgreSQL's is a backslash. */
const likeContaining = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class MediaKyselyRepository implements MediaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(image: NewMediaImage): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('images')
        .values({
          id: image.id,
          path: image.path,
          width: image.width,
          height: image.height,
          mime: image.mime,
          credit_agency: image.creditAgency,
          credit_photographer: image.creditPhotographer,
          created_at: image.createdAt.toISOString(),
        })
        .execute();
      if (image.texts.length > 0) {
        await trx
          .insertInto('image_texts')
          .values(image.texts.map((t) => ({ image_id: image.id, locale: t.locale, alt: t.alt, caption: t.caption })))
          .execute();
      }
      if (image.renditions.length > 0) {
        await trx
          .insertInto('image_renditions')
          .values(
            image.renditions.map((r) => ({
              image_id: image.id,
              format: r.format,
              width: r.width,
              height: r.height,
              path: r.path,
              bytes: r.bytes,
            })),
          )
          .execute();
      }
      await trx.insertInto('image_search').values({ image_id: image.id, search_text: image.searchText }).execute();
    });
  }

  async search(query: LibraryQuery): Promise<{ items: MediaImage[]; total: number }> {
    let matching = this.db.selectFrom('images as i').leftJoin('image_search as s', 's.image_id', 'i.id');
    for (const term of query.terms) {
      matching = matching.where(sql<boolean>`coalesce(${sql.ref('s.search_text')}, '') like ${likeContaining(term)} escape '\\'`);
    }
    const [count, rows] = await Promise.all([
      matching.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
      matching
        .selectAll('i')
        .orderBy('i.created_at', 'desc')
        .orderBy('i.id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
    ]);
    const items = await this.hydrate(rows);
    return { items, total: Number(count?.n ?? 0) };
  }

  async findById(id: string): Promise<MediaImage | null> {
    const row = await this.db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [image] = await this.hydrate([row]);
    return image ?? null;
  }

  /** Adds each image's texts and renditions, keeping the order of `rows`. */
  private async hydrate(rows: readonly Selectable<DB['images']>[]): Promise<MediaImage[]> {
    const ids = rows.map((r) => r.id);
    const [texts, renditions] =
      ids.length === 0
        ? [[], []]
        : await Promise.all([
            this.db.selectFrom('image_texts').selectAll().where('image_id', 'in', ids).orderBy('locale').execute(),
            this.db.selectFrom('image_renditions').selectAll().where('image_id', 'in', ids).orderBy('format').orderBy('width').execute(),
          ]);
    const textsOf = groupBy(texts, (t) => t.image_id);
    const renditionsOf = groupBy(renditions, (r) => r.image_id);
    return rows.map((row): MediaImage => ({
      id: row.id,
      path: row.path,
      width: Number(row.width),
      height: Number(row.height),
      mime: row.mime,
      creditAgency: row.credit_agency,
      creditPhotographer: row.credit_photographer,
      texts: (textsOf.get(row.id) ?? []).map((t) => ({ locale: t.locale, alt: t.alt, caption: t.caption })),
      renditions: (renditionsOf.get(row.id) ?? []).map((r): MediaRendition => ({
        format: r.format as OutputFormat,
        width: Number(r.width),
        height: Number(r.height),
        path: r.path,
        bytes: Number(r.bytes),
      })),
      createdAt: new Date(row.created_at),
    }));
  }
}
