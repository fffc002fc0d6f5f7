import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createServer, get, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../src/app/container.js';
import { packageRoot } from '../../src/app/paths.js';
import { within } from '../support/cached-servers.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { seedFixture, type Fixture } from '../support/fixtures.js';
import { testSiteConfig } from '../support/test-site.js';
import { editTranslation, moveTranslation } from '../support/newsroom-edits.js';

const STORY = '/en/2014/07/harbour-fish-prices-climb';

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `masthead <command>` as an operator runs it (from the sources, through tsx), resolved once it prints `ready`. */
async function masthead(command: 'start' | 'worker', env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot(), 'src/app/main.ts'), command], {
    cwd: packageRoot(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', SEED_DEMO_ON_START: 'false', PAGE_CACHE_SECONDS: '3600', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`masthead ${command} did not start:\n${output}`)), 60_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => reject(new Error(`masthead ${command} exited (${code}):\n${output}`)));
  });
  return child;
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A GET on a connection of its own, so that the cluster may hand each request to another web process. */
const text = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });

/** Asks `count` times in a row (the cluster spreads them over its web processes): true when every answer passes. */
async function everyAnswer(url: string, count: number, check: (res: { status: number; body: string }) => boolean) {
  for (let i = 0; i < count; i++) if (!check(await text(url))) return false;
  return true;
}

describe('SQLite: WEB_CONCURRENCY=2 web processes of `masthead start` drop changed pages within 1 s', () => {
  let database: TestDatabase;
  let services: Services;
  let fixture: Fixture;
  let server: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const config = testSiteConfig(database);
    services = await openServices(config);
    fixture = await seedFixture(services.contentWrite, services.editions.list);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await masthead(
      'start',
      { DATABASE_URL: database.url, DATA_DIR: database.dataDir, PORT: String(port), WEB_CONCURRENCY: '2' },
      /with 2 web processes/,
    );
  }, 90_000);
  afterAll(async () => {
    await stop(server);
    await services?.close();
    await database?.drop();
  });

  it('a change committed by another process shows in both web processes within 1 s', async () => {
    // Both web processes cache the pages (the cluster hands connections out in turn).
    expect(await everyAnswer(`${base}/en/`, 6, (r) => r.body.includes('Harbour fish prices climb'))).toBe(true);
    expect(await everyAnswer(base + STORY, 6, (r) => r.status === 200)).toBe(true);

    await editTranslation(services, fixture.translated.en, { title: 'Harbour fish prices fall' });
    expect(await within(1000, () => everyAnswer(`${base}/en/`, 6, (r) => r.body.includes('Harbour fish prices fall')))).toBe(true);

    await moveTranslation(services, fixture.translated.en, 'unpublished');
    expect(await within(1000, () => everyAnswer(base + STORY, 6, (r) => r.status === 404))).toBe(true);
    // The story URL is resolved before the page cache, so its 404 can come before the poll drops the home page.
    expect(await within(1000, () => everyAnswer(`${base}/en/`, 6, (r) => !r.body.includes('Harbour fish prices fall')))).toBe(true);
  });
});

describe.skipIf(!DIALECTS.includes('postgres'))(
  'PostgreSQL scale-out: two `masthead start` servers and a `masthead worker` over one database',
  () => {
    let database: TestDatabase;
    let services: Services;
    let fixture: Fixture;
    const children: ChildProcess[] = [];
    const bases: string[] = [];
    let purge: Server;
    const purged: string[][] = [];

    beforeAll(async () => {
      purge = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          purged.push((JSON.parse(body) as { tags: string[] }).tags);
          res.writeHead(200).end('{}');
        });
      });
      await new Promise<void>((resolve) => purge.listen(0, '127.0.0.1', resolve));
      const purgeUrl = `http://127.0.0.1:${(purge.address() as AddressInfo).port}/purge`;
      database = await createTestDatabase('postgres');
      const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, CDN_PURGE_URL: purgeUrl };
      services = await openServices(testSiteConfig(database, { CDN_PURGE_URL: purgeUrl }));
      fixture = await seedFixture(services.contentWrite, services.editions.list);
      // As on separate machines: web servers that run no jobs, and a worker that runs them.
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        bases.push(`http://127.0.0.1:${port}`);
        children.push(await masthead('start', { ...env, PORT: String(port), RUN_JOBS: 'false' }, /Masthead is serving/));
      }
      children.push(await masthead('worker', env, /worker is running jobs/));
    }, 120_000);
    afterAll(async () => {
      for (const child of children) await stop(child);
      await services?.close();
      await database?.drop();
      await new Promise<void>((resolve) => purge?.close(() => resolve()));
    });

    it('a change shows on both servers within 1 s, and the worker sends its keys to the CDN', async () => {
      for (const base of bases) {
        expect(await everyAnswer(`${base}/en/`, 2, (r) => r.body.includes('Olive harvest starts early'))).toBe(true);
        expect(await everyAnswer(`${base}/en/2014/07/olive-harvest-starts-early`, 2, (r) => r.status === 200)).toBe(true);
      }
      await moveTranslation(services, fixture.untranslated.en, 'unpublished');
      for (const base of bases) {
        expect(await within(1000, async () => (await text(`${base}/en/2014/07/olive-harvest-starts-early`)).status === 404)).toBe(true);
        expect(await within(1000, async () => !(await text(`${base}/en/`)).body.includes('Olive harvest starts early'))).toBe(true);
      }
      // The worker polls the queue every second: the purge is a job, not part of the 1 s promise.
      expect(await within(10_000, async () => purged.some((tags) => tags.includes(`story-${fixture.untranslated.storyId}`)))).toBe(true);
    });
  },
);
