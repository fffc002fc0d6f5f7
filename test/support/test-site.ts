import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { vi } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { availableLocales, createHttpApp, openServices, type Services } from '../../src/app/container.js';
import { buildJobHandlers } from '../../src/app/wiring/index.js';
import { createJobRuntime } from '../../src/app/wiring/jobs-wiring.js';
import type { JobWorker } from '../../src/modules/jobs/index.js';
import { silentLogger } from './silent-logger.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, type DialectName, type TestDatabase } from './databases.js';
import { NOW, seedFixture, type Fixture } from './fixtures.js';

export interface TestSite {
  app: FastifyInstance;
  services: Services;
  fixture: Fixture;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  /** The in-process job worker (as `start` runs it), when started with `runJobs`. */
  worker: JobWorker | null;
  close(): Promise<void>;
}

/**
 * A job worker in this process, as `start` runs one (RUN_JOBS=true): mails and other jobs run on
 * their own, woken at once on enqueue. It runs on the site's clock, so a retry waits until a test
 * moves the clock past its backoff.
 */
export function startTestJobs(services: Services): JobWorker {
  return createJobRuntime(services, buildJobHandlers(services), { pollMs: 50, log: silentLogger }).worker;
}

/** The configuration every test site runs with: its own database and data dir, quiet, no demo, no page cache. */
export function testSiteConfig(database: TestDatabase, env: Record<string, string> = {}) {
  return loadConfig(
    {
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      SEED_DEMO_ON_START: 'false',
      PAGE_CACHE_SECONDS: '0',
      PUBLIC_URL: 'https://news.example.org',
      ...env,
    },
    availableLocales(),
  );
}

/** A reader site on a fresh database of the given dialect, with the fixture newsroom and a fixed clock. */
/**
 * Waits until no job that is due has yet to finish (none queued or running at the clock's time).
 * A test that moves the fixed clock forward after a mail arrived must wait for this first: the
 * job that sent it may not have recorded "done" yet, and an hour later its lease has expired, so
 * the worker would rightly run it again (at-least-once delivery) and send a second mail.
 */
export async function settleJobs(services: Services): Promise<void> {
  await vi.waitFor(
    async () => {
      const now = services.clock.now().toISOString();
      const pending = await services.database.db
        .selectFrom('jobs')
        .select(['type', 'status'])
        .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', 'in', ['queued', 'failed']), eb('run_at', '<=', now)])]))
        .execute();
      if (pending.length > 0) throw new Error(`jobs still pending: ${JSON.stringify(pending)}`);
    },
    { timeout: 10_000, interval: 20 },
  );
}

export async function startTestSite(
  dialect: DialectName,
  env: Record<string, string> = {},
  options: { runJobs?: boolean } = {},
): Promise<TestSite> {
  const database = await createTestDatabase(dialect);
  const config = testSiteConfig(database, env);
  const clock = fixedClock(NOW);
  const services = await openServices(config, clock);
  const fixture = await seedFixture(services.contentWrite, services.editions.list);
  // The fixture's lead image, as a real file in the media directory.
  mkdirSync(join(database.dataDir, 'media'), { recursive: true });
  await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2a6f97' } })
    .webp()
    .toFile(join(database.dataDir, 'media', 'fixture-lead.webp'));
  const app = createHttpApp(services);
  await app.ready();
  const worker = options.runJobs ? startTestJobs(services) : null;
  return {
    app,
    services,
    fixture,
    clock,
    database,
    worker,
    async close() {
      await worker?.stop();
      await app.close();
      await services.close();
      await database.drop();
    },
  };
}
