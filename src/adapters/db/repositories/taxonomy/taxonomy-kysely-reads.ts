import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { TopicKind } from '../../../../modules/content/index.js';
import type { TaxonomyReads } from '../../../../modules/newsroom/taxonomy/index.js';
import type { DB } from '../../schema.js';
import { groupBy } from '../content/localized.js';

export class TaxonomyKyselyReads implements TaxonomyReads {
  constructor(private readonly db: Kysely<DB>) {}

  async sections() {
    const [sections, names] = await Promise.all([
      this.db.selectFrom('sections').select('id').orderBy('position').orderBy('id').execute(),
      this.db.selectFrom('section_translations').selectAll().execute(),
    ]);
    const byId = groupBy(names, (n) => n.section_id);
    return sections.map((s) => ({
      id: s.id,
      names: (byId.get(s.id) ?? []).map((n) => ({ locale: n.locale, name: n.name, slug: n.slug })),
    }));
  }

  async authors() {
    return this.db.selectFrom('authors').select(['id', 'name', 'slug']).orderBy('name').execute();
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

  async topicSlugTaken(locale: string, slug: string) {
    const row = await this.db
      .selectFrom('topic_translations')
      .select('topic_id')
      .where('locale', '=', locale)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row !== undefined;
  }
}
