import type { Kysely } from 'kysely';
import type { NamedLink } from '../../../../modules/content/index.js';
import type { DB } from '../../schema.js';
import { groupBy, pickLocalized } from './localized.js';

type SectionName = DB['section_translations'];

/** How long another process's change to the sections may take to show here. */
export const SECTION_CACHE_TTL_MS = 60_000;

/**
 * Every section and its names, held in memory per process: the navigation and every story card's
 * section label come from here, so no reader request reads the sections. Sections are few and
 * change rarely; a change in this process refreshes the cache at once (`invalidate`, called by the
 * content write repository), a change in another process as soon as its page change (the `site`
 * key) arrives (app/container.ts), and at the latest within `SECTION_CACHE_TTL_MS`.
 */
export class SectionCache {
  private loaded: Promise<{ order: string[]; names: Map<string, SectionName[]> }> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly nowMs: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.loaded = null;
  }

  private snapshot() {
    if (!this.loaded || this.nowMs() - this.loadedAt > SECTION_CACHE_TTL_MS) {
      this.loadedAt = this.nowMs();
      const loading = Promise.all([
        this.db.selectFrom('sections').select(['id']).orderBy('position').orderBy('id').execute(),
        this.db.selectFrom('section_translations').selectAll().execute(),
      ]).then(([sections, names]) => ({ order: sections.map((s) => s.id), names: groupBy(names, (n) => n.section_id) }));
      // A failed read is not kept: the next request tries again.
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = null;
      });
      this.loaded = loading;
    }
    return this.loaded;
  }

  private static named(id: string, names: readonly SectionName[], preference: readonly string[]): NamedLink | null {
    const name = pickLocalized(names, preference);
    return name ? { id, name: name.name, slug: name.slug, locale: name.locale } : null;
  }

  /** Every section that has a name, in navigation order, named in the most preferred locale. */
  async list(preference: readonly string[]): Promise<NamedLink[]> {
    const { order, names } = await this.snapshot();
    return order.flatMap((id) => {
      const link = SectionCache.named(id, names.get(id) ?? [], preference);
      return link ? [link] : [];
    });
  }

  async byIds(ids: readonly string[], preference: readonly string[]): Promise<Map<string, NamedLink>> {
    const result = new Map<string, NamedLink>();
    if (ids.length === 0) return result;
    const { names } = await this.snapshot();
    for (const id of new Set(ids)) {
      const link = SectionCache.named(id, names.get(id) ?? [], preference);
      if (link) result.set(id, link);
    }
    return result;
  }

  /** The section a slug names in one of `locales` (most preferred first). */
  async bySlug(slug: string, locales: readonly string[]): Promise<string | null> {
    const { names } = await this.snapshot();
    const hits = [...names.values()].flat().filter((n) => n.slug === slug && locales.includes(n.locale));
    return pickLocalized(hits, locales)?.section_id ?? null;
  }
}
