import { createHash } from 'node:crypto';
import type { OutputFormat, RenditionRequest, SourceType } from './image-processor.js';

/** Widths of the responsive renditions, in CSS pixels at 1x; the site's largest slot is ~42rem. */
export const RENDITION_WIDTHS = [400, 800, 1200, 1600] as const;
/** Modern formats offered through <picture>, best compression first. */
export const RESPONSIVE_FORMATS = ['avif', 'webp'] as const satisfies readonly OutputFormat[];

export const MIME: Record<OutputFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

const EXTENSION: Record<OutputFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };

/**
 * The full-size fallback keeps the source's family where every browser shows it: photos stay JPEG,
 * graphics (PNG, a GIF's first frame) stay lossless PNG, WebP stays WebP; AVIF becomes JPEG, or PNG
 * when it has transparency.
 */
export function masterFormat(source: SourceType, hasAlpha: boolean): OutputFormat {
  switch (source) {
    case 'jpeg':
      return 'jpeg';
    case 'png':
    case 'gif':
      return 'png';
    case 'webp':
      return 'webp';
    case 'avif':
      return hasAlpha ? 'png' : 'jpeg';
  }
}

/**
 * Responsive renditions for a source `width` pixels wide: each standard width below it, plus the
 * source width itself (capped at the largest standard width), in each modern format. Never
 * upscales. The master already covers (its format, full width), so that one is not planned twice.
 */
export function planRenditions(width: number, master: OutputFormat): RenditionRequest[] {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] as number;
  const widths = [...RENDITION_WIDTHS.filter((w) => w < width), Math.min(width, largest)];
  const unique = [...new Set(widths)];
  const plan: RenditionRequest[] = [];
  for (const format of RESPONSIVE_FORMATS) {
    for (const w of unique) if (!(format === master && w === width)) plan.push({ format, width: w });
  }
  return plan;
}

/** `<sha256 of the bytes, 20 hex>-<width>.<ext>`: the name changes whenever the bytes do. */
export function renditionFileName(bytes: Uint8Array, width: number, format: OutputFormat): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return `${hash}-${width}.${EXTENSION[format]}`;
}
