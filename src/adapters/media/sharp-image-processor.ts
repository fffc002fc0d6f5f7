import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  ImageDecodeError,
  type EncodedImage,
  type ImageHeader,
  type ImageProcessor,
  type OutputFormat,
  type RenderRequest,
} from '../../modules/media/index.js';

/** Encoder settings: visually transparent for news photos at a fraction of the bytes. */
const ENCODE: Record<OutputFormat, (pipeline: Sharp) => Sharp> = {
  jpeg: (p) => p.jpeg({ quality: 82, mozjpeg: true }),
  png: (p) => p.png({ compressionLevel: 8, adaptiveFiltering: true }),
  webp: (p) => p.webp({ quality: 78, effort: 4 }),
  avif: (p) => p.avif({ quality: 52, effort: 3 }),
};

/**
 * sharp's process-wide settings, applied once by the composition root: libvips threads per image
 * (the processing pool decides how many images run at once, so threads × images stays near the
 * cores), and no libvips operation cache (each upload is different bytes: a cache would only hold
 * memory, tens of MB, that the pool bounds otherwise).
 */
export function configureSharp(options: { threadsPerImage: number }): void {
  sharp.concurrency(Math.max(1, options.threadsPerImage));
  sharp.cache(false);
}

/**
 * The image processor on sharp (libvips). Nothing read from the source survives into an output but
 * the pixels: sharp drops EXIF (GPS included), XMP and IPTC unless asked to keep them, and we never
 * ask; orientation is applied to the pixels first (`autoOrient`). Every decode is bounded by
 * `limitInputPixels`, which libvips checks against the header before allocating anything.
 */
export class SharpImageProcessor implements ImageProcessor {
  async readHeader(bytes: Uint8Array): Promise<ImageHeader> {
    let meta: Metadata;
    try {
      meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    } catch (error) {
      throw new ImageDecodeError((error as Error).message, { cause: error });
    }
    if (!meta.width || !meta.height) throw new ImageDecodeError('the image declares no dimensions');
    const swapped = (meta.orientation ?? 1) >= 5;
    return {
      width: swapped ? meta.height : meta.width,
      height: swapped ? meta.width : meta.height,
      hasAlpha: meta.hasAlpha ?? false,
    };
  }

  async render(bytes: Uint8Array, request: RenderRequest): Promise<{ master: EncodedImage; variants: EncodedImage[] }> {
    const source = () => sharp(bytes, { limitInputPixels: request.maxPixels, autoOrient: true }).toColourspace('srgb');
    try {
      const master = await encode(source(), request.master);
      if (request.variants.length === 0) return { master, variants: [] };
      // Decode and shrink the source once to the widest rendition; the others derive from that.
      const widest = Math.max(...request.variants.map((v) => v.width));
      const base = await source().resize({ width: widest, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
      const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };
      const variants: EncodedImage[] = [];
      for (const variant of request.variants) {
        const pipeline = sharp(base.data, { raw }).resize({ width: variant.width, withoutEnlargement: true });
        variants.push(await encode(pipeline, variant.format));
      }
      return { master, variants };
    } catch (error) {
      throw new ImageDecodeError((error as Error).message, { cause: error });
    }
  }
}

async function encode(pipeline: Sharp, format: OutputFormat): Promise<EncodedImage> {
  const { data, info } = await ENCODE[format](pipeline).toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, bytes: data };
}
