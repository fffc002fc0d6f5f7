import cluster from 'node:cluster';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { connectDatabase } from '../adapters/db/connect.js';
import { SharpDemoImageMaker } from '../adapters/media/demo-image-maker.js';
import { seedDemo, type SeedDemoOptions } from '../modules/content/demo/index.js';
import { progressReporter } from './progress-bar.js';
import { parseOptions, positiveInt, UsageError } from './cli-args.js';
import { ConfigError, type Config } from './config.js';
import { superviseWorkers } from './cluster-supervisor.js';
import { explainDatabaseStartError } from './database-start-errors.js';
import { configFromEnv, createHttpApp, openServices, type Services } from './container.js';
import { runWorkerProcess } from './worker-process.js';
import { buildJobHandlers } from './wiring/index.js';
import { createJobRuntime } from './wiring/jobs-wiring.js';
import { staffAdd } from './staff-cli.js';

/** Exit codes: 0 success, 1 failure at run time, 64 bad usage, 78 bad configuration (sysexits). */
export const EXIT = { ok: 0, failure: 1, usage: 64, config: 78 } as const;
const DEMO_STORIES = 72;

const HELP = `Usage: masthead <command> [options]

Commands:
  start                      Serve the reader site (migrates and seeds demo content when configured)
  migrate                    Apply pending database migrations and exit
  seed-demo [--stories N]    Add generated demo content (default ${DEMO_STORIES} stories) [--seed S]
  worker                     Run background jobs (scheduled publishing, mails) until stopped
  staff:add --email E --role R [--name N]
                             Add a staff member; the password is read from stdin
  help                       Show this help

Configuration comes from the environment (and MASTHEAD_CONFIG, a JSON file): PORT, HOST,
DATABASE_URL (file path, sqlite: or postgres:// URL), PUBLIC_URL, DATA_DIR, DEFAULT_EDITION,
EDITIONS (e.g. "en,tr:en,ar:en"), SITE_NAME, TIME_ZONE, MIGRATE_ON_START, SEED_DEMO_ON_START,
PAGE_CACHE_SECONDS, CDN_PURGE_URL, CDN_PURGE_TOKEN, CDN_MAX_AGE_SECONDS, WEB_CONCURRENCY,
RUN_JOBS, SMTP_URL, MAIL_FROM, LOG_LEVEL. See README.md and docs/operations.md.
`;

async function seed(services: Services, stories: number, seedValue?: number, onProgress?: SeedDemoOptions['onProgress']) {
  return seedDemo(
    {
      content: services.contentWrite,
      images: new SharpDemoImageMaker(join(services.config.dataDir, 'media')),
      editions: services.editions.list,
      clock: services.clock,
    },
    { stories, ...(seedValue !== undefined && { seed: seedValue }), ...(onProgress && { onProgress }) },
  );
}

/** Migrations and the first-run demo: once, before any process serves. */
async function prepare(config: Config): Promise<void> {
  const services = await openServices(config);
  try {
    if (config.seedDemoOnStart && (await services.contentWrite.countStories()) === 0) {
      const result = await seed(services, DEMO_STORIES);
      process.stdout.write(`Seeded demo content: ${result.stories} stories, ${result.authors} authors.\n`);
    }
  } finally {
    await services.close();
  }
}

/** Background jobs in this process (scheduled publishing, mails), unless RUN_JOBS=false. */
async function startJobs(config: Config, services: Services): Promise<() => Promise<void>> {
  if (!config.runJobs) return async () => undefined;
  const { worker } = createJobRuntime(services, buildJobHandlers(services));
  return () => worker.stop();
}

async function start(config: Config): Promise<number> {
  if (cluster.isPrimary) {
    await prepare(config);
    if (config.webConcurrency > 1) {
      // The supervising primary runs the jobs; the web processes only enqueue.
      const services = await openServices(config, undefined, { migrate: false });
      const stopJobs = await startJobs(config, services);
      const code = await superviseWorkers(config.webConcurrency, config.publicUrl);
      await stopJobs();
      await services.close();
      return code;
    }
  }
  return serve(config);
}

/** One web process: opens the prepared database and listens (sharing the port under cluster). */
async function serve(config: Config): Promise<number> {
  const services = await openServices(config, undefined, { migrate: false });
  const app = createHttpApp(services);
  const stopJobs = cluster.isPrimary ? await startJobs(config, services) : async () => undefined;
  // How long requests waited for the event loop over this process's life (a synchronous query
  // stalls every request), printed at shutdown for operators and the benchmark (bench/scale.ts).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const stop = async (signal: string) => {
    loopDelay.disable();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    process.stdout.write(
      `${JSON.stringify({ msg: 'process metrics', pid: process.pid, eventLoopDelayMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) }, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
    );
    app.log.info(`${signal} received, closing`);
    await stopJobs();
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  if (cluster.isPrimary) process.stdout.write(`Masthead is serving ${config.publicUrl}/ (database: ${config.database.kind})\n`);
  return new Promise<number>(() => undefined);
}

async function run(command: string, args: string[]): Promise<number> {
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      parseOptions(args, []);
      process.stdout.write(HELP);
      return EXIT.ok;
    case 'start':
      parseOptions(args, []);
      return start(configFromEnv());
    case 'worker':
      parseOptions(args, []);
      return runWorkerProcess(configFromEnv());
    case 'staff:add':
      await staffAdd(parseOptions(args, ['email', 'role', 'name']), process.stdin, process.stderr);
      return EXIT.ok;
    case 'migrate': {
      parseOptions(args, []);
      const config = configFromEnv();
      const database = await connectDatabase(config.database);
      try {
        const applied = await migrateToLatest(database.db);
        process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await database.close();
      }
      return EXIT.ok;
    }
    case 'seed-demo': {
      const options = parseOptions(args, ['stories', 'seed']);
      const stories = positiveInt(options, 'stories', DEMO_STORIES, 1_000_000);
      const seedValue = options.seed === undefined ? undefined : positiveInt(options, 'seed', 1, 2 ** 31);
      const services = await openServices(configFromEnv(), undefined, { migrate: true });
      try {
        const started = Date.now();
        const progress = progressReporter(process.stderr);
        const result = await seed(services, stories, seedValue, progress.update);
        progress.end();
        process.stdout.write(
          `Seeded ${result.stories} stories, ${result.authors} authors, ${result.topics} topics, ${result.sections} sections, ${result.images} images in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      } finally {
        await services.close();
      }
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The `masthead` command line. Returns the process exit code; prints errors without stack traces. */
export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...args] = argv;
  try {
    return await run(command, args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`masthead: ${error.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`masthead: ${error.message}\n`);
      return EXIT.config;
    }
    const database = explainDatabaseStartError(error, process.env);
    if (database) {
      process.stderr.write(`masthead: Invalid configuration:\n  - ${database}\n`);
      return EXIT.config;
    }
    process.stderr.write(`masthead: ${command} failed: ${(error as Error).message ?? String(error)}\n`);
    return EXIT.failure;
  }
}

// Run directly (tsx src/app/main.ts start), not when imported by bin/masthead.js or tests.
if (process.argv[1] && /src[\\/]app[\\/]main\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
