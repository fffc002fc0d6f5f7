import type { ImageRenditionView, ImageView } from '../../../../modules/content/index.js';
import type { ImageSource } from '../../../../modules/content/document/index.js';
import { html, type SafeHtml } from '../../../../shared/html.js';

/** Modern formats offered as <source>, best compression first; the <img> keeps the master. */
const SOURCE_TYPES = [
  ['avif', 'image/avif'],
  ['webp', 'image/webp'],
] as const;

/** Slot widths per placement (see assets/site.css: .story is 42rem, the list a 16rem+ grid). */
export const IMAGE_SIZES = {
  storyLead: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  cardLead: '(min-width: 60rem) 42rem, calc(100vw - 2rem)',
  card: '(min-width: 60rem) 22rem, (min-width: 36rem) 50vw, calc(100vw - 2rem)',
} as const;

/**
 * Wraps an <img> in <picture> with AVIF and WebP srcsets when the image has renditions; an image
 * stored as one file (demo, fixture) gets the <img> alone, exactly as before.
 */
export function responsivePicture(image: ImageView, sizes: string, img: SafeHtml): SafeHtml {
  const sources = sourceSets(image.renditions ?? []);
  if (sources.length === 0) return img;
  return html`<picture>${sources.map((s) => html`<source type="${s.type}" srcset="${s.srcset}" sizes="${sizes}">`)}${img}</picture>`;
}

/** One srcset per modern format the renditions include, narrowest first. */
export function sourceSets(renditions: readonly ImageRenditionView[]): ImageSource[] {
  return SOURCE_TYPES.flatMap(([format, type]) => {
    const files = renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
    return files.length === 0 ? [] : [{ type, srcset: files.map((r) => `${r.path} ${r.width}w`).join(', ') }];
  });
}
