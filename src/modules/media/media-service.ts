import type { Clock } from '../../shared/clock.js';
import type { ImageProcessor } from './image-processor.js';
import { DEFAULT_MEDIA_LIMITS, ingestImage, type ImageUpload, type IngestDeps, type MediaLimits } from './ingest-image.js';
import type { MediaRepository } from './media-repository.js';
import type { LibraryQueryInput } from './media-schema.js';
import type { MediaStorage } from './media-storage.js';
import type { MediaImage, MediaPage } from './media-types.js';
import { ProcessingPool, type ProcessingLimits, type ProcessingStats, type UploadTicket } from './processing-pool.js';
import { searchLibrary } from './search-library.js';

/** One image at a time, two uploads in progress per account, four more waiting: wiring sizes it per machine. */
export const DEFAULT_PROCESSING_LIMITS: ProcessingLimits = { workers: 1, perAccount: 2, queue: 4 };

export interface MediaServiceDeps {
  repository: MediaRepository;
  storage: MediaStorage;
  processor: ImageProcessor;
  clock: Clock;
  locales: readonly string[];
  limits?: Partial<MediaLimits>;
  processing?: Partial<ProcessingLimits>;
  /** Defaults to /media/, where the reader site serves stored files. */
  urlPrefix?: string;
}

/** The media module's operations, one per use case, for the admin API, jobs and the CLI alike. */
export class MediaService {
  private readonly deps: IngestDeps;
  private readonly pool: ProcessingPool;

  constructor(deps: MediaServiceDeps) {
    this.pool = new ProcessingPool({ ...DEFAULT_PROCESSING_LIMITS, ...deps.processing });
    this.deps = {
      repository: deps.repository,
      storage: deps.storage,
      processor: deps.processor,
      pool: this.pool,
      clock: deps.clock,
      locales: deps.locales,
      limits: { ...DEFAULT_MEDIA_LIMITS, ...deps.limits },
      urlPrefix: deps.urlPrefix ?? '/media/',
    };
  }

  get limits(): MediaLimits {
    return this.deps.limits;
  }

  /**
   * Admits one upload of `account` before its bytes are read, or refuses it with `rate_limited`
   * (429, `retryAfterSeconds`) when the account or the process already has as many in progress as
   * allowed. Release the ticket when the upload is done, whatever happened.
   */
  admitUpload(account: string): UploadTicket {
    return this.pool.admit(account);
  }

  /** Resolves once the image, its renditions and rows exist: a success is usable at once. */
  ingest(upload: ImageUpload): Promise<MediaImage> {
    return ingestImage(this.deps, upload);
  }

  /** What the processing pool is doing (and has done) in this process. */
  processingStats(): ProcessingStats {
    return this.pool.stats();
  }

  library(query: LibraryQueryInput): Promise<MediaPage> {
    return searchLibrary(this.deps.repository, query);
  }

  /** One image of the library, or null. */
  findById(id: string): Promise<MediaImage | null> {
    return this.deps.repository.findById(id);
  }
}
