import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '../plugins/request-path.js';

/**
 * The newsroom app (admin/, built by Vite into dist/admin): every GET under /admin that is not the
 * admin API answers index.html (the app routes in the browser), never cached; /admin/assets/* are
 * content-hashed files, cached for a year. Files are read per request, so a rebuild needs no
 * restart. Without a build, a plain 503 says what to do.
 */
export const ADMIN_APP_NOT_BUILT = 'the admin app is not built; run npm run build';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};
/** Vite writes flat, hashed names into assets/: no separators, no leading dot. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export interface AdminAppOptions {
  /** The Vite build output: index.html and assets/. */
  distDir: string;
}

function isAdminApi(url: string): boolean {
  const path = pathOf(url);
  return path === '/admin/api' || path.startsWith('/admin/api/');
}

export function registerAdminAppRoutes(app: FastifyInstance, options: AdminAppOptions): void {
  const indexFile = join(options.distDir, 'index.html');
  const assetsDir = join(options.distDir, 'assets');

  const notBuilt = (reply: FastifyReply) =>
    reply.code(503).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(ADMIN_APP_NOT_BUILT);

  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    // The API's own routes are more specific than /admin/*; an unknown API path is the API's 404.
    if (isAdminApi(request.url)) return reply.callNotFound();
    const html = await readFile(indexFile).catch(() => null);
    if (!html) return notBuilt(reply);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  };

  app.get('/admin', sendIndex);
  app.get('/admin/*', sendIndex);

  app.get<{ Params: { '*': string } }>('/admin/assets/*', async (request, reply) => {
    const name = request.params['*'];
    const contentType = CONTENT_TYPES[extname(name).toLowerCase()];
    if (!ASSET_NAME.test(name) || !contentType) return reply.callNotFound();
    const file = join(assetsDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      const built = await stat(indexFile).catch(() => null);
      return built ? reply.callNotFound() : notBuilt(reply);
    }
    return reply.header('cache-control', IMMUTABLE).header('content-length', info.size).type(contentType).send(createReadStream(file));
  });
}
