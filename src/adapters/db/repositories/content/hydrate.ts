import type { Kysely } from 'kysely';
import type { ImageView, NamedLink } from '../../../../modules/content/index.js';
import type { DB } from '../../schema.js';
import { groupBy, pickLocalized } from './localized.js';

type ImageRow = DB['images'] & { locale: string | null; alt: string | null; caption: string | null };

/**
 * Library images with their texts in every locale and their renditions: two statements for any
 * number of images. `texts` picks each image's alt text and caption for a locale preference.
 */
export interface LoadedImages {
  view(id: string, preference: readonly string[]): ImageView | null;
}

/** Batch loaders shared by listings and the story page: one query per kind, never one per row. */
export async function loadImages(db: Kysely<DB>, ids: readonly string[]): Promise<LoadedImages> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { view: () => null };
  const [rows, renditions] = await Promise.all([
    db
      .selectFrom('images as i')
      .leftJoin('image_texts as x', 'x.image_id', 'i.id')
      .selectAll('i')
      .select(['x.locale', 'x.alt', 'x.caption'])
      .where('i.id', 'in', unique)
      .execute() as Promise<ImageRow[]>,
    db
      .selectFrom('image_renditions')
      .select(['image_id', 'format', 'width', 'height', 'path'])
      .where('image_id', 'in', unique)
      .orderBy('image_id')
      .orderBy('width')
      .execute(),
  ]);
  const byImage = groupBy(rows, (r) => r.id);
  const renditionsByImage = groupBy(renditions, (r) => r.image_id);
  return {
    view(id, preference) {
      const texts = byImage.get(id);
      const image = texts?.[0];
      if (!image) return null;
      const text = pickLocalized(
        texts.filter((t): t is ImageRow & { locale: string } => t.locale !== null),
        preference,
      );
      return {
        id: image.id,
        path: image.path,
        width: Number(image.width),
        height: Number(image.height),
        alt: text?.alt ?? '',
        caption: text?.caption ?? null,
        textLocale: text?.locale ?? preference[0] ?? 'en',
        creditAgency: image.credit_agency,
        creditPhotographer: image.credit_photographer,
        ...(renditionsByImage.has(id) && {
          renditions: (renditionsByImage.get(id) ?? []).map((r) => ({
            format: r.format,
            width: Number(r.width),
            height: Number(r.height),
            path: r.path,
          })),
        }),
      };
    },
  };
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
