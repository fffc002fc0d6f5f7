/**
 * The composition root builds each service once per process: opening the services, building the
 * HTTP application (reader site and every HTTP module) and the job handlers creates one SMTP
 * transport, one set of member stores and one of staff stores, and loads the assets and catalogs
 * once. A second copy would mean a second SMTP pool, or a second page context whose navigation
 * cache is never told about a change.
 */
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpApp, openServices } from '../../src/app/container.js';
import { buildJobHandlers } from '../../src/app/wiring/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { fixedClock } from '../../src/shared/clock.js';
import { NOW } from '../support/fixtures.js';
import { testSiteConfig } from '../support/test-site.js';

const built = vi.hoisted(() => ({ memberStores: 0, staffStores: 0, assets: 0, catalogs: 0 }));

vi.mock('../../src/adapters/db/repositories/members/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/adapters/db/repositories/members/index.js')>();
  return {
    ...original,
    createMemberStores: (...args: Parameters<typeof original.createMemberStores>) => (
      built.memberStores++,
      original.createMemberStores(...args)
    ),
  };
});
vi.mock('../../src/adapters/db/repositories/staff/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/adapters/db/repositories/staff/index.js')>();
  return {
    ...original,
    createStaffStores: (...args: Parameters<typeof original.createStaffStores>) => (
      built.staffStores++,
      original.createStaffStores(...args)
    ),
  };
});
vi.mock('../../src/adapters/http/site/assets.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/adapters/http/site/assets.js')>();
  return { ...original, loadAssets: (...args: Parameters<typeof original.loadAssets>) => (built.assets++, original.loadAssets(...args)) };
});
vi.mock('../../src/shared/i18n/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/shared/i18n/index.js')>();
  return {
    ...original,
    loadCatalogs: (...args: Parameters<typeof original.loadCatalogs>) => (built.catalogs++, original.loadCatalogs(...args)),
  };
});

describe.each(DIALECTS)('the composition root (%s)', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    Object.assign(built, { memberStores: 0, staffStores: 0, assets: 0, catalogs: 0 });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database.drop();
  });

  it('builds the mailer, the stores, the assets and the catalogs once for the web app and the jobs', async () => {
    const transports = vi.spyOn(nodemailer, 'createTransport');
    // Nothing is sent, so nothing connects to this address.
    const config = testSiteConfig(database, { SMTP_URL: 'smtp://127.0.0.1:9', PAGE_CACHE_SECONDS: '60' });
    const services = await openServices(config, fixedClock(NOW));
    const app = createHttpApp(services);
    try {
      await app.ready();
      buildJobHandlers(services);
      expect(transports).toHaveBeenCalledTimes(1);
      expect(built).toEqual({ memberStores: 1, staffStores: 1, assets: 1, catalogs: 1 });
      // The member pages and the reader site share one page context: a member page renders.
      const page = await app.inject({ method: 'GET', url: '/en/sign-in' });
      expect(page.statusCode).toBe(200);
    } finally {
      await app.close();
      await services.close();
    }
  });
});
