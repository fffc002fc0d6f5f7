import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { TopicKind } from '../../../../modules/content/index.js';
import type { AuthorRecord, TaxonomyEntity, TaxonomyReads } from '../../../../modules/newsroom/taxonomy/index.js';
import type { DB } from '../../schema.js';
import { groupBy } from '../content/localized.js';

export class TaxonomyKyselyReads implements TaxonomyReads {
  constructor(private readonly db: Kysely<DB>) {}

  async sections() {
    return this.sectionsWhere(null);
  }

  async section(id: string) {
    return (await this.sectionsWhere(id))[0] ?? null;
  }

  private async sectionsWhere(id: string | null) {
    let sections = this.db.selectFrom('sections').select(['id', 'position']).orderBy('position').orderBy('id');
    let names = this.db.selectFrom('section_translations').selectAll();
    if (id !== null) {
      sections = sections.where('id', '=', id);
      names = names.where('section_id', '=', id);
    }
    const [rows, nameRows] = await Promise.all([sections.execute(), names.execute()]);
    const byId = groupBy(nameRows, (n) => n.section_id);
    return rows.map((s) => ({
      id: s.id,
      position: s.position,
      names: (byId.get(s.id) ?? []).map((n) => ({ locale: n.locale, name: n.name, slug: n.slug })),
    }));
  }

  async authors() {
    return this.authorsWhere(null);
  }

  async author(id: string) {
    return (await this.authorsWhere(id))[0] ?? null;
  }

  private async authorsWhere(id: string | null): Promise<AuthorRecord[]> {
    let authors = this.db.selectFrom('authors').select(['id', 'name', 'slug', 'avatar_image_id', 'staff_id']).orderBy('name').orderBy('id');
    let bios = this.db.selectFrom('author_bios').selectAll();
    if (id !== null) {
      authors = authors.where('id', '=', id);
      bios = bios.where('author_id', '=', id);
    }
    const [rows, bioRows] = await Promise.all([authors.execute(), bios.execute()]);
    const byId = groupBy(bioRows, (b) => b.author_id);
    return rows.map((a) => ({
      id: a.id,
      name: a.name,
      slug: a.slug,
      photoImageId: a.avatar_image_id,
      staffId: a.staff_id ?? null,
      bios: (byId.get(a.id) ?? []).map((b) => ({ locale: b.locale, bio: b.bio })),
    }));
  }

  async topic(id: string) {
    const [topic, names] = await Promise.all([
      this.db.selectFrom('topics').select(['id', 'kind']).where('id', '=', id).executeTakeFirst(),
      this.db.selectFrom('topic_translations').selectAll().where('topic_id', '=', id).execute(),
    ]);
    if (!topic) return null;
    return { id: topic.id, kind: topic.kind as TopicKind, names: names.map((n) => ({ locale: n.locale, name: n.name, slug: n.slug })) };
  }

  async topics(query: string, limit: number) {
    let ids = this.db.selectFrom('topic_translations').select('topic_id').distinct();
    if (query) ids = ids.where(sql<boolean>`lower(name) like ${`%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
    const hits = (await ids.limit(limit).execute()).map((r) => r.topic_id);
    if (hits.length === 0) return [];
    const [topics, names] = await Promise.all([
      this.db.selectFrom('topics').select(['id', 'kind']).where('id', 'in', hits).execute(),
      this.db.selectFrom('topic_translations').selectAll().where('topic_id', 'in', hits).execute(),
    ]);
    const byId = groupBy(names, (n) => n.topic_id);
    return topics.map((t) => ({
      id: t.id,
      kind: t.kind as TopicKind,
      names: (byId.get(t.id) ?? []).map((n) => ({ locale: n.locale, name: n.name, slug: n.slug })),
    }));
  }

  async slugTaken(entity: TaxonomyEntity, locale: string, slug: string, exceptId: string | null) {
    const row =
      entity === 'author'
        ? await this.db
            .selectFrom('authors')
            .select('id as owner')
            .where('slug', '=', slug)
            .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
            .executeTakeFirst()
        : entity === 'section'
          ? await this.db
              .selectFrom('section_translations')
              .select('section_id as owner')
              .where('locale', '=', locale)
              .where('slug', '=', slug)
              .$if(exceptId !== null, (q) => q.where('section_id', '!=', exceptId!))
              .executeTakeFirst()
          : await this.db
              .selectFrom('topic_translations')
              .select('topic_id as owner')
              .where('locale', '=', locale)
              .where('slug', '=', slug)
              .$if(exceptId !== null, (q) => q.where('topic_id', '!=', exceptId!))
              .executeTakeFirst();
    return row !== undefined;
  }

  async staffExists(id: string) {
    return (await this.db.selectFrom('staff').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async imageExists(id: string) {
    return (await this.db.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }
}
