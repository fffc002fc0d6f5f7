import type { Clock } from '../../shared/clock.js';
import type { ImageProcessor } from './image-processor.js';
import { DEFAULT_MEDIA_LIMITS, ingestImage, type ImageUpload, type IngestDeps, type MediaLimits } from './ingest-image.js';
import type { MediaRepository } from './media-repository.js';
import type { LibraryQueryInput } from './media-schema.js';
import type { MediaStorage } from './media-storage.js';
import type { MediaImage, MediaPage } from './media-types.js';
import { searchLibrary } from './search-library.js';

export interface MediaServiceDeps {
  repository: MediaRepository;
  storage: MediaStorage;
  processor: ImageProcessor;
  clock: Clock;
  locales: readonly string[];
  limits?: Partial<MediaLimits>;
  /** Defaults to /media/, where the reader site serves stored files. */
  urlPrefix?: string;
}

/** The media module's operations, one per use case, for the admin API, jobs and the CLI alike. */
export class MediaService {
  private readonly deps: IngestDeps;

  constructor(deps: MediaServiceDeps) {
    this.deps = {
      repository: deps.repository,
      storage: deps.storage,
      processor: deps.processor,
      clock: deps.clock,
      locales: deps.locales,
      limits: { ...DEFAULT_MEDIA_LIMITS, ...deps.limits },
      urlPrefix: deps.urlPrefix ?? '/media/',
    };
  }

  get limits(): MediaLimits {
    return this.deps.limits;
  }

  ingest(upload: ImageUpload): Promise<MediaImage> {
    return ingestImage(this.deps, upload);
  }

  library(query: LibraryQueryInput): Promise<MediaPage> {
    return searchLibrary(this.deps.repository, query);
  }

  /** One image of the library, or null. */
  findById(id: string): Promise<MediaImage | null> {
    return this.deps.repository.findById(id);
  }
}
