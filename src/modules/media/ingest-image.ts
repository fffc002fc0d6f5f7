import { foldForSearch } from '../editions/index.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Clock } from '../../shared/clock.js';
import { ImageDecodeError, type ImageHeader, type ImageProcessor, type SourceType } from './image-processor.js';
import type { ImageFields } from './media-schema.js';
import type { MediaRepository } from './media-repository.js';
import type { MediaStorage } from './media-storage.js';
import type { ProcessingPool } from './processing-pool.js';
import type { MediaImage, MediaRendition } from './media-types.js';
import { MIME, masterFormat, planRenditions, renditionFileName } from './rendition-plan.js';
import { sniffImageType } from './sniff-image-type.js';

export interface MediaLimits {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Largest image accepted, in pixels (width × height), checked from the header before decoding. */
  maxPixels: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000 };

export interface IngestDeps {
  repository: MediaRepository;
  storage: MediaStorage;
  processor: ImageProcessor;
  /** Decoding and encoding run here, a few at a time (the header checks before do not). */
  pool: Pick<ProcessingPool, 'run'>;
  clock: Clock;
  limits: MediaLimits;
  /** Locales image texts may be written in (the editions). */
  locales: readonly string[];
  /** URL path prefix the site serves stored files under. */
  urlPrefix: string;
}

export interface ImageUpload extends ImageFields {
  bytes: Uint8Array;
}

const ACCEPTED: ReadonlySet<string> = new Set<SourceType>(['jpeg', 'png', 'webp', 'avif', 'gif']);
const megapixels = (pixels: number) => Math.round(pixels / 100_000) / 10;

/**
 * Takes an uploaded image into the library: checks size, type (from the bytes) and pixel count
 * before any decoding, renders the master and renditions (oriented, metadata stripped) when the
 * processing pool has a free worker, stores
 * the files, then writes the rows in one transaction. Any failure removes the files this call
 * wrote, so nothing half-saved remains.
 */
export async function ingestImage(deps: IngestDeps, upload: ImageUpload): Promise<MediaImage> {
  const { limits } = deps;
  if (upload.bytes.byteLength > limits.maxBytes) {
    throw new AppError('payload_too_large', `The file is larger than ${limits.maxBytes / (1024 * 1024)} MB`, { maxBytes: limits.maxBytes });
  }
  if (!deps.locales.includes(upload.locale)) {
    throw new AppError('invalid_input', "The texts must be in one of the editions' languages", {
      locale: upload.locale,
      locales: deps.locales,
    });
  }
  const type = sniffImageType(upload.bytes);
  if (type === null || !ACCEPTED.has(type)) {
    const message =
      type === 'heif' ? 'HEIC images are not supported: export the photo as JPEG' : 'The file is not a JPEG, PNG, WebP, AVIF or GIF image';
    throw new AppError('unsupported_media_type', message, { detected: type });
  }
  const header = await readHeader(deps.processor, upload.bytes);
  const pixels = header.width * header.height;
  if (pixels > limits.maxPixels) {
    throw new AppError(
      'payload_too_large',
      `The image is ${header.width}×${header.height} pixels (${megapixels(pixels)} megapixels); the limit is ${megapixels(limits.maxPixels)} megapixels`,
      { width: header.width, height: header.height, maxPixels: limits.maxPixels },
    );
  }
  const master = masterFormat(type as SourceType, header.hasAlpha);
  const rendered = await deps.pool.run(() =>
    render(deps.processor, upload.bytes, { maxPixels: limits.maxPixels, master, variants: planRenditions(header.width, master) }),
  );
  const files = [rendered.master, ...rendered.variants].map((image) => ({
    image,
    name: renditionFileName(image.bytes, image.width, image.format),
  }));

  const written: string[] = [];
  try {
    for (const { image, name } of files) {
      if (await deps.storage.exists(name)) continue;
      written.push(name);
      await deps.storage.put(name, image.bytes);
    }
    const now = deps.clock.now();
    const renditions: MediaRendition[] = files.map(({ image, name }) => ({
      format: image.format,
      width: image.width,
      height: image.height,
      path: deps.urlPrefix + name,
      bytes: image.bytes.byteLength,
    }));
    const image: MediaImage = {
      id: newId(now.getTime()),
      path: deps.urlPrefix + files[0]!.name,
      width: rendered.master.width,
      height: rendered.master.height,
      mime: MIME[master],
      creditAgency: upload.creditAgency,
      creditPhotographer: upload.creditPhotographer,
      texts: [{ locale: upload.locale, alt: upload.alt, caption: upload.caption }],
      renditions,
      createdAt: now,
    };
    await deps.repository.create({ ...image, searchText: searchTextOf(image) });
    return image;
  } catch (error) {
    await Promise.allSettled(written.map((name) => deps.storage.delete(name)));
    throw error;
  }
}

/** What a library search matches: every text in every language, and the credits, folded. */
export function searchTextOf(image: Pick<MediaImage, 'texts' | 'creditAgency' | 'creditPhotographer'>): string {
  const parts = image.texts.flatMap((t) => [t.alt, t.caption ?? ''].map((s) => foldForSearch(s, t.locale)));
  parts.push(foldForSearch(image.creditAgency ?? ''), foldForSearch(image.creditPhotographer ?? ''));
  return parts.filter(Boolean).join(' ');
}

async function readHeader(processor: ImageProcessor, bytes: Uint8Array): Promise<ImageHeader> {
  try {
    return await processor.readHeader(bytes);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw new AppError('unsupported_media_type', 'The file is not a readable image', {});
    throw error;
  }
}

async function render(processor: ImageProcessor, bytes: Uint8Array, request: Parameters<ImageProcessor['render']>[1]) {
  try {
    return await processor.render(bytes, request);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw new AppError('invalid_input', 'The image data is damaged and cannot be decoded', {});
    throw error;
  }
}
