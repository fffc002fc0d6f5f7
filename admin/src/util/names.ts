/**
 * Reading names and image fields from API items whose exact form the contract leaves open
 * ("per-locale names", "Image with renditions").
 */
import type { MediaImage, TaxonomyItem } from '../api/types';

/** The item's name in `locale`, else in English, else the first one it has, else its id. */
export function nameOf(item: TaxonomyItem | { id: string; name?: string } | null | undefined, locale: string): string {
  if (!item) return '';
  if ('names' in item && item.names) {
    const names = item.names;
    if (Array.isArray(names)) {
      const found = names.find((n) => n.locale === locale) ?? names.find((n) => n.locale === 'en') ?? names[0];
      if (found?.name) return found.name;
    } else {
      const found = names[locale] ?? names.en ?? Object.values(names)[0];
      if (found) return found;
    }
  }
  return item.name ?? item.id;
}

/** The path or URL to show the image at, preferring the original, else the widest rendition. */
export function imageSrc(image: MediaImage | null | undefined): string | null {
  if (!image) return null;
  const direct = image.path ?? image.src ?? image.url;
  if (direct) return direct;
  const widest = [...(image.renditions ?? [])].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  return widest?.path ?? widest?.src ?? widest?.url ?? null;
}

/** A small rendition for lists and pickers (the narrowest one at least `min` wide). */
export function thumbnailSrc(image: MediaImage, min = 240): string | null {
  const fits = [...(image.renditions ?? [])].filter((r) => (r.width ?? 0) >= min).sort((a, b) => (a.width ?? 0) - (b.width ?? 0))[0];
  return fits?.path ?? fits?.src ?? fits?.url ?? imageSrc(image);
}

/** The lead image preview: the smallest WebP rendition, else the image's own path. */
export function previewSrc(image: MediaImage): string | null {
  const smallest = [...(image.renditions ?? [])].filter((r) => r.format === 'webp').sort((a, b) => (a.width ?? 0) - (b.width ?? 0))[0];
  return smallest?.path ?? smallest?.src ?? smallest?.url ?? imageSrc(image);
}

export function imageTexts(image: MediaImage, locale: string): { alt: string; caption: string } {
  const text = image.texts?.find((x) => x.locale === locale) ?? image.texts?.[0];
  return { alt: image.alt ?? text?.alt ?? '', caption: image.caption ?? text?.caption ?? '' };
}

/** "Photographer / Agency", as the reader site prints credits. */
export function imageCredit(image: MediaImage): string {
  return [image.creditPhotographer, image.creditAgency].filter((s) => typeof s === 'string' && s.trim() !== '').join(' / ');
}
