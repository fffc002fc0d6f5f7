import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdnPurgeJobHandlers } from '../../src/app/wiring/page-cache-wiring.js';
import { createJobRuntime, jsonLineLog } from '../../src/app/wiring/jobs-wiring.js';
import { startCachedServers, type CachedServer, type CachedServers } from '../support/cached-servers.js';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { asStaff } from '../support/staff.js';

interface PurgeRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { tags: string[] };
}

/** A stand-in CDN purge endpoint on loopback: records each request, answers the next queued status (default 200). */
async function startPurgeEndpoint() {
  const requests: PurgeRequest[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(text || '{}') });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zones/test/purge_cache`,
    requests,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(DIALECTS)('CDN purge by key through the job queue (%s)', (dialect) => {
  let endpoint: Awaited<ReturnType<typeof startPurgeEndpoint>>;
  let site: CachedServers;
  let server: CachedServer;
  let runJobs: () => Promise<number>;

  beforeAll(async () => {
    endpoint = await startPurgeEndpoint();
    site = await startCachedServers(dialect, 1, { CDN_PURGE_URL: endpoint.url, CDN_PURGE_TOKEN: 'purge-secret-token' });
    server = site.servers[0] as CachedServer;
    const { worker } = createJobRuntime(server.services, cdnPurgeJobHandlers(server.services), {
      polling: false,
      log: jsonLineLog('silent'),
    });
    runJobs = () => worker.runOnce();
    // The fixture's own writes queued purges too: send them, then start counting.
    await runJobs();
    endpoint.requests.length = 0;
  });
  afterAll(async () => {
    await site?.close();
    await endpoint?.close();
  });

  it('with a purge URL, shared caches may keep pages longer and serve them stale briefly while revalidating', async () => {
    const home = await server.get('/en/');
    expect(home.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=3600, stale-while-revalidate=30');
  });

  it('sends the keys of every change to the purge URL, and retries with backoff when it answers 500', async () => {
    const { fixture } = site;
    endpoint.statuses.push(500);
    const res = await asStaff(server.app, site.admin, 'POST', `/translations/${fixture.untranslated.en}/transitions`, {
      to: 'unpublished',
    });
    expect(res.statusCode).toBe(200);

    expect(await runJobs()).toBe(1);
    expect(endpoint.requests).toHaveLength(1);
    // Not retried before its backoff...
    expect(await runJobs()).toBe(0);
    expect(endpoint.requests).toHaveLength(1);
    // ...and retried once it is due.
    site.clock.set(new Date(NOW.getTime() + 20_000));
    try {
      expect(await runJobs()).toBe(1);
    } finally {
      site.clock.set(NOW);
    }
    expect(endpoint.requests).toHaveLength(2);
    for (const request of endpoint.requests) {
      expect(request.method).toBe('POST');
      expect(request.headers.authorization).toBe('Bearer purge-secret-token');
      expect(request.body.tags).toEqual(
        expect.arrayContaining([
          `story-${fixture.untranslated.storyId}`,
          'home-en',
          'home-tr',
          `section-${fixture.sectionId}`,
          `topic-${fixture.topicId}`,
          `author-${fixture.authorId}`,
        ]),
      );
      expect(request.headers['surrogate-key']).toBe(request.body.tags.join(' '));
    }
    expect(await runJobs()).toBe(0);
  });

  it('a correction purges the story key', async () => {
    const { fixture } = site;
    const res = await asStaff(server.app, site.admin, 'POST', `/translations/${fixture.translated.en}/corrections`, {
      kind: 'update',
      text: 'Updated with the closing price.',
    });
    expect(res.statusCode).toBe(201);
    expect(await runJobs()).toBe(1);
    expect(endpoint.requests.at(-1)?.body.tags).toEqual([`story-${fixture.translated.storyId}`]);
  });
});
