import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_NOT_BUILT, registerAdminAppRoutes } from './admin-app-routes.js';

const INDEX = '<!doctype html><title>newsroom</title><script type="module" src="/admin/assets/index-abc123.js"></script>';

async function appServing(distDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  // Stand-ins for the real app: another module's API route, and the site's not-found handler.
  app.get('/admin/api/v1/session', async () => ({ staff: null }));
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'not_found', url: request.url } }));
  app.register(async (scope) => registerAdminAppRoutes(scope, { distDir }));
  await app.ready();
  return app;
}

describe('admin app routes', () => {
  let dir = '';
  let built: FastifyInstance;
  let missing: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'masthead-admin-'));
    const dist = join(dir, 'dist', 'admin');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(join(dist, 'assets', 'icon-abc123.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    built = await appServing(dist);
    missing = await appServing(join(dir, 'nowhere'));
  });

  afterAll(async () => {
    await built.close();
    await missing.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/admin', '/admin/', '/admin/stories', '/admin/translations/abc/translate?source=x', '/admin/reset-password?token=t0k3n'])(
    '%s answers the app, never cached',
    async (url) => {
      const response = await built.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toBe(INDEX);
    },
  );

  it('leaves the admin API alone: its routes answer, unknown API paths get the not-found handler', async () => {
    expect((await built.inject({ method: 'GET', url: '/admin/api/v1/session' })).json()).toEqual({ staff: null });
    for (const url of ['/admin/api/v1/nothing-here', '/admin/api', '/admin/api/']) {
      const response = await built.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it.each([
    ['/admin/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/admin/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['/admin/assets/icon-abc123.svg', 'image/svg+xml'],
  ])('%s is served as an immutable %s', async (url, type) => {
    const response = await built.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/admin/assets/missing-123.js', '/admin/assets/..%2Fsecret.txt', '/admin/assets/.hidden.js', '/admin/assets/index-abc123.exe'])(
    '%s is not found',
    async (url) => {
      const response = await built.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('not for the web');
    },
  );

  it('never serves a file from outside assets/', async () => {
    for (const url of ['/admin/assets/../secret.txt', '/admin/assets/..%2F..%2Fsecret.txt', '/admin/assets/%2e%2e/secret.txt']) {
      const response = await built.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('not for the web');
    }
  });

  it('without a build, says so plainly with a 503', async () => {
    for (const url of ['/admin', '/admin/stories', '/admin/assets/index-abc123.js']) {
      const response = await missing.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body).toBe(ADMIN_APP_NOT_BUILT);
    }
  });
});
