import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MediaKyselyRepository } from '../../adapters/db/repositories/media/media-kysely-repository.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { registerAdminAuth } from '../../adapters/http/admin-api/admin-auth.js';
import { registerMediaRoutes } from '../../adapters/http/admin-api/media-routes.js';
import { configureSharp, SharpImageProcessor } from '../../adapters/media/sharp-image-processor.js';
import { LocalDiskStorage } from '../../adapters/storage/local-disk-storage.js';
import { DEFAULT_PROCESSING_LIMITS, MediaService, type MediaLimits } from '../../modules/media/index.js';
import type { Services, WebServices } from '../services.js';

/**
 * The media service over local disk (DATA_DIR/media, which the site serves at /media/). Image work
 * runs in its bounded pool: IMAGE_WORKERS images at once, each with its share of the cores as
 * libvips threads, IMAGE_UPLOADS_PER_ACCOUNT uploads in progress per account. Built once per web
 * process by `createHttpApp` (app/container.ts).
 */
export function buildMediaService(services: Services, limits: Partial<MediaLimits> = {}): MediaService {
  const { workers, uploadsPerAccount } = services.config.images;
  configureSharp({ threadsPerImage: Math.floor(availableParallelism() / workers) });
  return new MediaService({
    repository: new MediaKyselyRepository(services.database.db),
    storage: new LocalDiskStorage(join(services.config.dataDir, 'media')),
    processor: new SharpImageProcessor(),
    clock: services.clock,
    locales: services.editions.locales,
    limits,
    processing: { workers, perAccount: uploadsPerAccount, queue: Math.max(DEFAULT_PROCESSING_LIMITS.queue, 2 * workers) },
  });
}

/** Upload and library routes of the admin API, behind staff sessions and API keys. */
export function buildMediaModule(web: WebServices): HttpModule {
  return {
    name: 'media',
    async register(app) {
      registerAdminAuth(app, web.adminAuth);
      await registerMediaRoutes(app, web.media);
    },
  };
}
