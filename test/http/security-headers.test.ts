import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/app/container.js';
import { DIALECTS } from '../support/databases.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'x-request-id'];

// Over a real socket: Node refuses some header values only when it writes them, and then Fastify
// falls back to a bare 500 without any of the headers set so far.
describe.each(DIALECTS)('every response carries the security headers, whatever a route sets (%s)', (dialect) => {
  let site: TestSite;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    app = createHttpApp(site.services);
    // Routes standing in for any future mistake: a Location or header with characters HTTP cannot carry.
    app.get<{ Querystring: { to: string } }>('/test-only/redirect', (request, reply) => reply.redirect(request.query.to, 303));
    app.get<{ Querystring: { v: string } }>('/test-only/header', (request, reply) => reply.header('x-note', request.query.v).send('ok'));
    app.get('/test-only/throw', () => {
      throw new Error('boom');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });
  const expectSecurityHeaders = (res: Response) => {
    for (const name of SECURITY_HEADERS) expect(res.headers.get(name), name).toBeTruthy();
  };
  const awkward = ['/\u3000/x', '/tr/ölçü', '/ar/مقال', '/🙂', '/a\u0085b', '/x\u2028y'];

  it('encodes a Location with characters HTTP cannot carry instead of failing with a bare 500', async () => {
    for (const to of awkward) {
      const res = await get(`/test-only/redirect?to=${encodeURIComponent(to)}`);
      expect(res.status, to).toBe(303);
      expect(res.headers.get('location'), to).toMatch(/^\/[\x21-\x7e]*$/);
      expectSecurityHeaders(res);
    }
  });

  it('drops any other such header and still sends the page with the security headers', async () => {
    for (const v of awkward.filter((a) => /[\u0100-\uffff]/.test(a))) {
      const res = await get(`/test-only/header?v=${encodeURIComponent(v)}`);
      expect(res.status, v).toBe(200);
      expect(res.headers.get('x-note')).toBeNull();
      expectSecurityHeaders(res);
    }
  });

  it('sends them with a 500', async () => {
    const res = await get('/test-only/throw');
    expect(res.status).toBe(500);
    expectSecurityHeaders(res);
  });
});
