import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LoadedAssets } from '../assets.js';
import { pathOf } from '../../plugins/request-path.js';
import type { SiteDeps } from '../site-deps.js';
import { sendErrorPage } from './error-pages.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const MEDIA_TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
/** Media file names we write ourselves: content-hashed, no path separators, a known extension. */
const MEDIA_NAME = /^[a-z0-9][a-z0-9._-]{0,120}\.(webp|avif|jpe?g|png)$/;

/** Fingerprinted site assets and uploaded media, both cached as immutable. */
export function registerStaticRoutes(app: FastifyInstance, deps: SiteDeps, assets: LoadedAssets, mediaDir: string): void {
  app.get('/assets/*', async (request, reply) => {
    const asset = assets.files.get(pathOf(request.url));
    if (!asset) return sendErrorPage(deps, request, reply, 404);
    return reply.header('cache-control', IMMUTABLE).type(asset.contentType).send(asset.body);
  });

  app.get<{ Params: { name: string } }>('/media/:name', async (request, reply) => {
    const { name } = request.params;
    const match = MEDIA_NAME.exec(name);
    if (!match) return sendErrorPage(deps, request, reply, 404);
    const file = join(mediaDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return sendErrorPage(deps, request, reply, 404);
    return reply
      .header('cache-control', IMMUTABLE)
      .header('content-length', info.size)
      .type(MEDIA_TYPES[match[1] as string] as string)
      .send(createReadStream(file));
  });
}
