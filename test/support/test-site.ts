import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { loadConfig } from '../../src/app/config.js';
import { availableLocales, createHttpApp, openServices, type Services } from '../../src/app/container.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, type DialectName, type TestDatabase } from './databases.js';
import { NOW, seedFixture, type Fixture } from './fixtures.js';

export interface TestSite {
  app: FastifyInstance;
  services: Services;
  fixture: Fixture;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  close(): Promise<void>;
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
export async function startTestSite(dialect: DialectName, env: Record<string, string> = {}): Promise<TestSite> {
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
  return {
    app,
    services,
    fixture,
    clock,
    database,
    async close() {
      await app.close();
      await services.close();
      await database.drop();
    },
  };
}
