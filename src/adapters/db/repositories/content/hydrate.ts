import type { Kysely } from 'kysely';
import type { ImageView, NamedLink } from '../../../../modules/content/content-types.js';
import type { DB } from '../../schema.js';
import { groupBy, pickLocalized } from './localized.js';

/** Batch loaders shared by listings and the story page: one query per kind, never one per row. */
export async function loadImages(db: Kysely<DB>, ids: readonly string[], preference: readonly string[]): Promise<Map<string, ImageView>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [images, texts, renditions] = await Promise.all([
    db.selectFrom('images').selectAll().where('id', 'in', unique).execute(),
    db.selectFrom('image_texts').selectAll().where('image_id', 'in', unique).execute(),
    db
      .selectFrom('image_renditions')
      .select(['image_id', 'format', 'width', 'height', 'path'])
      .where('image_id', 'in', unique)
      .orderBy('width')
      .execute(),
  ]);
  const textsByImage = groupBy(texts, (t) => t.image_id);
  const renditionsByImage = groupBy(renditions, (r) => r.image_id);
  const result = new Map<string, ImageView>();
  for (const image of images) {
    const text = pickLocalized(textsByImage.get(image.id) ?? [], preference);
    result.set(image.id, {
      id: image.id,
      path: image.path,
      width: Number(image.width),
      height: Number(image.height),
      alt: text?.alt ?? '',
      caption: text?.caption ?? null,
      textLocale: text?.locale ?? preference[0] ?? 'en',
      creditAgency: image.credit_agency,
      creditPhotographer: image.credit_photographer,
      ...(renditionsByImage.has(image.id) && {
        renditions: (renditionsByImage.get(image.id) ?? []).map((r) => ({
          format: r.format,
          width: Number(r.width),
          height: Number(r.height),
          path: r.path,
        })),
      }),
    });
  }
  return result;
}

export async function loadSections(db: Kysely<DB>, ids: readonly string[], preference: readonly string[]): Promise<Map<string, NamedLink>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('section_translations').selectAll().where('section_id', 'in', unique).execute();
  const result = new Map<string, NamedLink>();
  for (const [id, names] of groupBy(rows, (r) => r.section_id)) {
    const name = pickLocalized(names, preference);
    if (name) result.set(id, { id, name: name.name, slug: name.slug, locale: name.locale });
  }
  return result;
}

/** Authors of each story, in byline order. */
export async function loadBylines(db: Kysely<DB>, storyIds: readonly string[]): Promise<Map<string, NamedLink[]>> {
  const unique = [...new Set(storyIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('story_authors as sa')
    .innerJoin('authors as a', 'a.id', 'sa.author_id')
    .select(['sa.story_id', 'a.id', 'a.name', 'a.slug'])
    .where('sa.story_id', 'in', unique)
    .orderBy('sa.story_id')
    .orderBy('sa.position')
    .execute();
  const result = new Map<string, NamedLink[]>();
  for (const [storyId, authors] of groupBy(rows, (r) => r.story_id)) {
    result.set(
      storyId,
      authors.map((a) => ({ id: a.id, name: a.name, slug: a.slug, locale: '' })),
    );
  }
  return result;
}
