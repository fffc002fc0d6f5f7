import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { fixedClock } from '../../shared/clock.js';
import { ImageDecodeError, type ImageHeader, type ImageProcessor, type RenderRequest } from './image-processor.js';
import { DEFAULT_MEDIA_LIMITS, ingestImage, searchTextOf, type IngestDeps } from './ingest-image.js';
import type { MediaRepository, NewMediaImage } from './media-repository.js';
import type { MediaStorage } from './media-storage.js';
import { DEFAULT_PROCESSING_LIMITS } from './media-service.js';
import { ProcessingPool } from './processing-pool.js';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 60 }, () => 7)]);

class MemoryStorage implements MediaStorage {
  readonly files = new Map<string, Uint8Array>();
  failOnPut = Number.POSITIVE_INFINITY;
  async put(name: string, bytes: Uint8Array) {
    if (this.files.size >= this.failOnPut) throw new Error('disk full');
    this.files.set(name, bytes);
  }
  async exists(name: string) {
    return this.files.has(name);
  }
  async delete(name: string) {
    this.files.delete(name);
  }
}

/** Encodes "pixels" as text so every output differs; records what it was asked. */
class FakeProcessor implements ImageProcessor {
  requests: RenderRequest[] = [];
  constructor(
    private readonly header: ImageHeader | Error = { width: 2000, height: 1000, hasAlpha: false },
    private readonly renderError: Error | null = null,
  ) {}
  async readHeader(): Promise<ImageHeader> {
    if (this.header instanceof Error) throw this.header;
    return this.header;
  }
  async render(_bytes: Uint8Array, request: RenderRequest) {
    this.requests.push(request);
    if (this.renderError) throw this.renderError;
    const encode = (format: RenderRequest['master'], width: number) => ({
      format,
      width,
      height: width / 2,
      bytes: new TextEncoder().encode(`${format}:${width}`),
    });
    return { master: encode(request.master, 2000), variants: request.variants.map((v) => encode(v.format, v.width)) };
  }
}

function deps(overrides: Partial<IngestDeps> = {}) {
  const saved: NewMediaImage[] = [];
  const repository: MediaRepository = {
    async create(image) {
      saved.push(image);
    },
    async search() {
      return { items: [], total: 0 };
    },
    async findById() {
      return null;
    },
  };
  const all: IngestDeps = {
    repository,
    storage: new MemoryStorage(),
    processor: new FakeProcessor(),
    pool: new ProcessingPool(DEFAULT_PROCESSING_LIMITS),
    clock: fixedClock('2026-01-05T10:00:00Z'),
    limits: DEFAULT_MEDIA_LIMITS,
    locales: ['en', 'tr'],
    urlPrefix: '/media/',
    ...overrides,
  };
  return { deps: all, saved, storage: all.storage as MemoryStorage };
}

const upload = { bytes: JPEG, locale: 'en', alt: 'Alt', caption: null, creditAgency: null, creditPhotographer: null };
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('ingestImage', () => {
  it('stores the master and eight renditions, then the rows', async () => {
    const { deps: d, saved, storage } = deps();
    const image = await ingestImage(d, upload);
    expect(storage.files.size).toBe(9);
    expect(image.path).toMatch(/^\/media\/[a-f0-9]{20}-2000\.jpg$/);
    expect(saved[0]?.renditions.map((r) => `${r.format}@${r.width}`)).toEqual([
      'jpeg@2000',
      'avif@400',
      'avif@800',
      'avif@1200',
      'avif@1600',
      'webp@400',
      'webp@800',
      'webp@1200',
      'webp@1600',
    ]);
  });

  it('removes every file it wrote when the database write fails, and keeps files it found', async () => {
    const { deps: d, storage } = deps();
    storage.files.set('kept.webp', new Uint8Array([1]));
    d.repository = { ...d.repository, create: async () => Promise.reject(new Error('connection lost')) };
    await expect(ingestImage(d, upload)).rejects.toThrow('connection lost');
    expect([...storage.files.keys()]).toEqual(['kept.webp']);
  });

  it('removes the files already written when a later write fails', async () => {
    const { deps: d, storage, saved } = deps();
    storage.failOnPut = 4;
    await expect(ingestImage(d, upload)).rejects.toThrow('disk full');
    expect(storage.files.size).toBe(0);
    expect(saved).toHaveLength(0);
  });

  it('checks size, type and pixels before rendering anything', async () => {
    const processor = new FakeProcessor({ width: 9000, height: 9000, hasAlpha: false });
    expect(await codeOf(ingestImage(deps({ processor }).deps, upload))).toBe('payload_too_large');
    const tooBig = deps({ limits: { maxBytes: 10, maxPixels: 1e9 } });
    expect(await codeOf(ingestImage(tooBig.deps, upload))).toBe('payload_too_large');
    expect(await codeOf(ingestImage(deps().deps, { ...upload, bytes: new TextEncoder().encode('GIF? no, plain text here') }))).toBe(
      'unsupported_media_type',
    );
    expect(await codeOf(ingestImage(deps().deps, { ...upload, locale: 'de' }))).toBe('invalid_input');
    expect(processor.requests).toHaveLength(0);
  });

  it('maps undecodable headers to 415 and damaged pixel data to 400', async () => {
    const unreadable = deps({ processor: new FakeProcessor(new ImageDecodeError('bad header')) });
    expect(await codeOf(ingestImage(unreadable.deps, upload))).toBe('unsupported_media_type');
    const damaged = deps({ processor: new FakeProcessor(undefined, new ImageDecodeError('premature end')) });
    expect(await codeOf(ingestImage(damaged.deps, upload))).toBe('invalid_input');
    expect(damaged.storage.files.size).toBe(0);
  });
});

describe('searchTextOf', () => {
  it('folds every text with its own locale rules, and the credits', () => {
    const text = searchTextOf({
      texts: [{ locale: 'tr', alt: 'IŞIK', caption: "İstanbul'da" }],
      creditAgency: 'Anka',
      creditPhotographer: null,
    });
    expect(text).toBe("isik istanbul'da anka");
  });
});
