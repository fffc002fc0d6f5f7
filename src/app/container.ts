import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { connectDatabase, type Database, type QueryObserver } from '../adapters/db/connect.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { ContentReadKyselyRepository } from '../adapters/db/repositories/content/content-read-kysely-repository.js';
import { ContentWriteKyselyRepository } from '../adapters/db/repositories/content/content-write-kysely-repository.js';
import { PageChangeRecorder } from '../adapters/db/repositories/content/page-change-recorder.js';
import { ScheduleKyselyReads } from '../adapters/db/repositories/content/schedule-kysely-reads.js';
import { KyselyJobQueue } from '../adapters/db/repositories/jobs/job-queue-kysely.js';
import { startPageChangeFeed, type PageChangeFeed } from '../adapters/db/page-change-feed.js';
import { buildApp } from '../adapters/http/app.js';
import { PageCache } from '../adapters/http/plugins/page-cache.js';
import { PageCaching } from '../adapters/http/plugins/page-caching.js';
import { loadAssets } from '../adapters/http/site/assets.js';
import { SitePages } from '../adapters/http/site/site-pages.js';
import { ensureEditionReadModel } from '../modules/content/edition-read-model.js';
import { ReaderService } from '../modules/content/reader-service.js';
import { pageKeys } from '../modules/content/page-keys.js';
import { Editions } from '../modules/editions/edition.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { loadCatalogs } from '../shared/i18n/index.js';
import { loadConfig, type Config } from './config.js';
import { packageRoot } from './paths.js';
import { buildHttpModules } from './wiring/index.js';
import { buildMembersPaywallApi } from './wiring/members-wiring.js';
import { buildSitePaywall, loadMeterSecrets, type PaywallWiringOptions } from './wiring/paywall-wiring.js';

const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

/** Interface catalogs that exist on disk (locales/<locale>.json): editions must be among them. */
export function availableLocales(root = packageRoot()): string[] {
  return readdirSync(join(root, 'locales'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(env, availableLocales());
}

export function editionsFrom(config: Config): Editions {
  return new Editions(
    config.editions.map((e) => ({ locale: e.locale, includes: e.includes, siteName: e.siteName })),
    config.defaultEdition,
  );
}

export interface Services {
  config: Config;
  database: Database;
  editions: Editions;
  clock: Clock;
  contentWrite: ContentWriteKyselyRepository;
  contentRead: ContentReadKyselyRepository;
  /** Records, in each write's transaction, the reader pages it affects (and queues the CDN purge). */
  pageChanges: PageChangeRecorder;
  /** The anonymous meter cookie's HMAC secrets, current first (METER_SECRET, else made once and stored). */
  meterSecrets: readonly string[];
  close(): Promise<void>;
}

/** Opens the database (migrating when configured) and builds the repositories. */
export async function openServices(
  config: Config,
  clock: Clock = systemClock,
  options: { migrate?: boolean; env?: NodeJS.ProcessEnv; onQuery?: QueryObserver } = {},
): Promise<Services> {
  const database = await connectDatabase(config.database, options.onQuery ? { onQuery: options.onQuery } : {});
  try {
    if (options.migrate ?? config.migrateOnStart) await migrateToLatest(database.db);
    const editions = editionsFrom(config);
    const queue = new KyselyJobQueue(database, clock);
    const pageChanges = new PageChangeRecorder(database.dialect, config.cdn.purgeUrl ? (executor, job) => queue.enqueueIn(executor, job) : null);
    const contentRead = new ContentReadKyselyRepository(database.db);
    const contentWrite = new ContentWriteKyselyRepository(database.db, pageChanges, { onSectionsChanged: () => contentRead.invalidateSections() });
    await ensureEditionReadModel(contentWrite, editions);
    const meterSecrets = await loadMeterSecrets(database.db, options.env ?? process.env);
    return {
      config,
      database,
      editions,
      clock,
      contentWrite,
      contentRead,
      pageChanges,
      meterSecrets,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The reader site over opened services: the one place the HTTP application is wired. The paywall
 * learns who is signed in (and their meter, gifts and plans) from the members module; `paywall`
 * overrides that wiring (tests: limits, a stand-in for the members module).
 */
export function createHttpApp(services: Services, options: { paywall?: PaywallWiringOptions } = {}): FastifyInstance {
  const { config, editions, clock } = services;
  const root = packageRoot();
  const reader = new ReaderService({ content: services.contentRead, editions, clock });
  const assets = loadAssets(join(root, 'assets'));
  const pages = new SitePages({
    editions,
    catalogs: loadCatalogs(join(root, 'locales'), editions.locales),
    reader,
    assets: assets.urls,
    publicUrl: config.publicUrl,
    timeZone: config.timeZone,
    clock,
    navigationTtlMs: config.pageCacheSeconds * 1000,
  });
  const cache = new PageCache(PAGE_CACHE_BYTES, config.pageCacheSeconds * 1000, () => clock.now().getTime());
  let feed: PageChangeFeed | null = null;
  const app = buildApp({
    editions,
    reader,
    pages,
    caching: new PageCaching(cache, config.cdn, new ScheduleKyselyReads(services.database.db), clock),
    catchUpPageChanges: () => feed?.catchUp() ?? Promise.resolve(),
    paywall: buildSitePaywall(services, { members: buildMembersPaywallApi(services), ...options.paywall }),
    assets,
    mediaDir: join(config.dataDir, 'media'),
    https: config.publicUrl.startsWith('https:'),
    ping: () => services.database.ping(),
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    modules: buildHttpModules(services),
  });
  // Every committed change, from any process or server, drops the pages it affects here.
  if (cache.enabled) {
    // The `site` key (sections, topic names: everything) also drops what this process holds in memory.
    const forgetAll = () => {
      cache.clear();
      pages.forgetNavigation();
      services.contentRead.invalidateSections();
    };
    app.addHook('onReady', async () => {
      feed = await startPageChangeFeed(
        services.database,
        {
          purge: (keys) => (keys.includes(pageKeys.site) ? forgetAll() : cache.purge(keys)),
          purgeAll: forgetAll,
          suspend: () => {
            forgetAll();
            cache.suspend();
          },
          resume: () => cache.resume(),
        },
        { ...(config.database.kind === 'postgres' && { url: config.database.url }), onError: (error) => app.log.warn({ err: error }, 'page-change feed') },
      );
    });
    app.addHook('onClose', async () => {
      await feed?.close();
    });
  }
  return app;
}
