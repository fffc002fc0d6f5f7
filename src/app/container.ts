import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { connectDatabase, type QueryObserver } from '../adapters/db/connect.js';
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
import { EditorialKyselyRepository } from '../adapters/db/repositories/editorial/editorial-kysely-repository.js';
import { EditorialKyselyReads } from '../adapters/db/repositories/editorial/editorial-reads.js';
import { createMemberStores } from '../adapters/db/repositories/members/index.js';
import { createStaffStores } from '../adapters/db/repositories/staff/index.js';
import { TaxonomyKyselyReads } from '../adapters/db/repositories/taxonomy/taxonomy-kysely-reads.js';
import { TaxonomyKyselyWrites } from '../adapters/db/repositories/taxonomy/taxonomy-kysely-writes.js';
import { createMailer } from '../adapters/mail/create-mailer.js';
import { createStripePaymentProvider } from '../adapters/payments/stripe-payment-provider.js';
import { ensureEditionReadModel, pageKeys, ReaderService } from '../modules/content/index.js';
import { Editions } from '../modules/editions/index.js';
import type { JobWorker } from '../modules/jobs/index.js';
import { createMembersModule, SIGN_IN_RULES } from '../modules/members/index.js';
import type { PaymentProvider } from '../modules/members/payments/index.js';
import { EditorialService } from '../modules/newsroom/editorial/index.js';
import { AccountLimits, createStaffModule, RateLimiter } from '../modules/newsroom/staff/index.js';
import { TaxonomyService } from '../modules/newsroom/taxonomy/index.js';
import { createReadStory } from '../modules/reading/index.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { loadCatalogs } from '../shared/i18n/index.js';
import { loadConfig, type Config } from './config.js';
import { packageRoot } from './paths.js';
import type { Services, WebServices } from './services.js';
import { publishScheduler } from './wiring/editorial-wiring.js';
import { buildHttpModules } from './wiring/index.js';
import { enqueueNow, jsonLineLog } from './wiring/jobs-wiring.js';
import { buildMediaService } from './wiring/media-wiring.js';
import { buildMembersPaywallApi, buildSiteMembers } from './wiring/members-wiring.js';
import { buildSitePaywall, loadMeterSecrets, type PaywallWiringOptions } from './wiring/paywall-wiring.js';

export type { Services, WebServices } from './services.js';

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
    config.editions.map((e) => ({ locale: e.locale, includes: e.includes, siteName: e.siteName, ...(e.digits && { digits: e.digits }) })),
    config.defaultEdition,
  );
}

/**
 * Opens the database (migrating when configured) and builds every service of the process once:
 * repositories, stores, the job queue, the mailer and the modules. The wiring files only register
 * routes and job handlers over what this returns.
 */
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
    const localWorkers = new Set<JobWorker>();
    const jobs = { queue, localWorkers, enqueue: enqueueNow(queue, database, localWorkers) };
    const pageChanges = new PageChangeRecorder(
      database.dialect,
      config.cdn.purgeUrl ? (executor, job) => queue.enqueueIn(executor, job) : null,
    );
    const contentRead = new ContentReadKyselyRepository(database.db);
    const contentWrite = new ContentWriteKyselyRepository(database.db, pageChanges, {
      onSectionsChanged: () => contentRead.invalidateSections(),
    });
    await ensureEditionReadModel(contentWrite, editions);
    const meterSecrets = await loadMeterSecrets(database.db, options.env ?? process.env);
    const stores = { staff: createStaffStores(database.db), members: createMemberStores(database.db, database.dialect) };
    const staff = createStaffModule({ stores: stores.staff, clock, enqueue: jobs.enqueue });
    const paymentProvider = createPaymentProvider(config, clock);
    const members = createMembersModule({
      stores: stores.members,
      signInLimits: new AccountLimits(new RateLimiter(stores.staff.rateLimits, clock), SIGN_IN_RULES),
      enqueue: jobs.enqueue,
      clock,
      publicUrl: config.publicUrl,
      siteName: config.siteName,
      plans: config.plans,
      paywall: config.paywall,
      provider: paymentProvider,
      providerName: 'stripe',
      editions: editions.locales,
    });
    const editorial = new EditorialService({
      repo: new EditorialKyselyRepository(database.db, pageChanges),
      reads: new EditorialKyselyReads(database.db),
      editions,
      clock,
      scheduler: publishScheduler(queue),
      audit: staff.audit,
    });
    const taxonomy = new TaxonomyService({
      reads: new TaxonomyKyselyReads(database.db),
      writes: new TaxonomyKyselyWrites(database.db, pageChanges, { onSectionsChanged: () => contentRead.invalidateSections() }),
      editions,
      clock,
      audit: staff.audit,
    });
    // Without SMTP_URL the logging mailer writes to the jobs' log (the link itself only in development).
    const mailer = createMailer(config, jsonLineLog(config.logLevel));
    return {
      config,
      database,
      editions,
      clock,
      catalogs: loadCatalogs(join(packageRoot(), 'locales'), editions.locales),
      contentWrite,
      contentRead,
      pageChanges,
      meterSecrets,
      jobs,
      stores,
      mailer,
      staff,
      members,
      paymentProvider,
      editorial,
      taxonomy,
      async close() {
        mailer.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function createPaymentProvider(config: Config, clock: Clock): PaymentProvider | null {
  const payments = config.payments;
  if (!payments) return null;
  return createStripePaymentProvider({
    secretKey: payments.secretKey,
    webhookSecret: payments.webhookSecret,
    clock,
    ...(payments.api ? { api: payments.api, maxNetworkRetries: 0 } : {}),
  });
}

/** What only the web process adds to the services, each built once and shared by the site and every HTTP module. */
function openWebServices(services: Services): WebServices {
  const { config, editions, clock } = services;
  const reader = new ReaderService({ content: services.contentRead, editions, clock });
  const assets = loadAssets(join(packageRoot(), 'assets'));
  const pages = new SitePages({
    editions,
    catalogs: services.catalogs,
    reader,
    assets: assets.urls,
    publicUrl: config.publicUrl,
    timeZone: config.timeZone,
    clock,
    navigationTtlMs: config.pageCacheSeconds * 1000,
  });
  const { sessions, apiKeys } = services.staff;
  return {
    ...services,
    reader,
    assets,
    pages,
    adminAuth: { sessions, apiKeys, secureCookies: config.https },
    media: buildMediaService(services),
  };
}

/**
 * The reader site over opened services: the one place the HTTP application is wired. The paywall
 * learns who is signed in (and their meter, gifts and plans) from the members module; `paywall`
 * overrides that wiring (tests: limits, a stand-in for the members module).
 */
export function createHttpApp(services: Services, options: { paywall?: PaywallWiringOptions } = {}): FastifyInstance {
  const web = openWebServices(services);
  const { config, editions, clock, reader, pages, assets } = web;
  const cache = new PageCache(PAGE_CACHE_BYTES, config.pageCacheSeconds * 1000, () => clock.now().getTime());
  let feed: PageChangeFeed | null = null;
  const paywall = buildSitePaywall(services, { members: buildMembersPaywallApi(services), ...options.paywall });
  const app = buildApp({
    editions,
    reader,
    pages,
    caching: new PageCaching(cache, config.cdn, new ScheduleKyselyReads(services.database.db), clock),
    catchUpPageChanges: () => feed?.catchUp() ?? Promise.resolve(),
    paywall,
    readStory: createReadStory({ stories: reader, paywall }),
    members: buildSiteMembers(services),
    assets,
    mediaDir: join(config.dataDir, 'media'),
    https: config.https,
    ping: () => services.database.ping(),
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    modules: buildHttpModules(web),
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
        {
          ...(config.database.kind === 'postgres' && { url: config.database.url }),
          onError: (error) => app.log.warn({ err: error }, 'page-change feed'),
        },
      );
    });
    app.addHook('onClose', async () => {
      await feed?.close();
    });
  }
  return app;
}
