/**
 * The Masthead benchmark (`npm run bench`): seeds a demo database, starts the production server on
 * loopback, load-tests four pages with wrk, compares the story page with nginx serving the same
 * bytes, reads the server's memory and writes bench/RESULTS.md. See bench/README.md.
 *
 * Exit code 0 means the measurement ran (whether or not the targets were met); non-zero means the
 * harness could not measure (tools missing, server did not start, pages answered wrong statuses).
 */
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverStory, discoverTopic } from './discover.js';
import { getPage, waitForOk } from './http.js';
import { readMemory, type MemoryUsage } from './memory.js';
import { startStaticSite } from './nginx.js';
import {
  freePort,
  hasExited,
  installCleanupHandlers,
  runCommand,
  spawnTracked,
  stopAll,
  stopProcess,
  tail,
} from './processes.js';
import { renderResults, TARGET_STORIES, type Row } from './report.js';
import { ensureTools } from './tools.js';
import { runWrk, type LoadOptions } from './wrk.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const DATABASE_URL = join(WORK, 'bench.db');
const DATA_DIR = join(WORK, 'data');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

const WARM_UP_SECONDS = 2;
const SEED_TIMEOUT_MS = 30 * 60_000;
const READY_TIMEOUT_MS = 60_000;
const NOT_FOUND_PATH = '/en/2001/01/no-such-story-here';

interface Config {
  stories: number;
  load: LoadOptions;
  /** The masthead CLI to benchmark. */
  bin: string;
}

interface Target {
  name: string;
  path: string;
  expectedStatus: number;
}

interface Server {
  child: ChildProcess;
  base: string;
  logFile: string;
}

const log = (message: string) => console.log(`[bench] ${message}`);

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function readConfig(): Config {
  return {
    stories: positiveInt('BENCH_STORIES', TARGET_STORIES),
    load: { threads: 1, connections: 32, seconds: positiveInt('BENCH_SECONDS', 10) },
    bin: resolve(ROOT, process.env.BENCH_SERVER_BIN || 'bin/masthead.js'),
  };
}

function prepareWorkDir(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
}

/** The seed command gets the storage settings only; the server also runs in production mode. */
function storageEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL, DATA_DIR, ...extra };
}

/** Runs seed-demo and returns its wall time in milliseconds. */
async function seed(config: Config): Promise<number> {
  log(`seeding ${config.stories} demo stories into ${DATABASE_URL}`);
  const started = performance.now();
  const result = await runCommand(process.execPath, [config.bin, 'seed-demo', '--stories', String(config.stories)], {
    cwd: ROOT,
    env: storageEnv(),
    timeoutMs: SEED_TIMEOUT_MS,
  });
  const elapsed = performance.now() - started;
  const output = result.stdout + result.stderr;
  writeFileSync(join(WORK, 'seed.log'), output);
  if (result.timedOut) throw new Error(`seed-demo did not finish within ${SEED_TIMEOUT_MS / 60_000} min`);
  if (result.code !== 0) throw new Error(`seed-demo exited with ${result.code ?? result.signal}:\n${tail(output)}`);
  log(`seeded in ${(elapsed / 1000).toFixed(1)} s`);
  return elapsed;
}

function serverLog(server: Server): string {
  return tail(readFileSync(server.logFile, 'utf8'));
}

async function startServer(config: Config): Promise<Server> {
  const port = await freePort();
  const logFile = join(WORK, 'server.log');
  const fd = openSync(logFile, 'w');
  const child = spawnTracked(process.execPath, [config.bin, 'start'], {
    cwd: ROOT,
    env: storageEnv({ NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  child.on('error', (error) => log(`server: ${error.message}`));
  const server = { child, base: `http://127.0.0.1:${port}`, logFile };
  log(`starting the server on ${server.base} (pid ${child.pid}, log ${logFile})`);
  try {
    await waitForOk(`${server.base}/readyz`, READY_TIMEOUT_MS, () => !hasExited(child));
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}\nserver log:\n${serverLog(server)}`);
  }
  return server;
}

interface CheckedTarget extends Target {
  body: Buffer;
}

/** The four pages under test, story page first, found by following links from the edition home. */
async function discoverTargets(base: string): Promise<Target[]> {
  const home = await getPage(`${base}/en/`);
  if (home.status !== 200) throw new Error(`/en/ answered ${home.status}, expected 200`);
  const story = discoverStory(home.body.toString('utf8'));
  const storyPage = await getPage(base + story);
  if (storyPage.status !== 200) throw new Error(`${story} answered ${storyPage.status}, expected 200`);
  const topic = discoverTopic(storyPage.body.toString('utf8'), story);
  return [
    { name: 'Story page', path: story, expectedStatus: 200 },
    { name: 'Edition home', path: '/en/', expectedStatus: 200 },
    { name: 'Topic page', path: topic, expectedStatus: 200 },
    { name: 'Not found (404)', path: NOT_FOUND_PATH, expectedStatus: 404 },
  ];
}

/** Fetches a target once, failing unless it answers its expected status. */
async function checkTarget(base: string, target: Target): Promise<CheckedTarget> {
  const page = await getPage(base + target.path);
  if (page.status !== target.expectedStatus) {
    throw new Error(`${target.path} answered ${page.status}, expected ${target.expectedStatus}`);
  }
  return { ...target, body: page.body };
}

/** A warm-up run, then the measured wrk run. */
async function load(page: Omit<Row, 'result'>, options: LoadOptions): Promise<Row> {
  log(`${page.target}: ${WARM_UP_SECONDS} s warm-up, then ${options.seconds} s of load on ${page.url}`);
  await runWrk(page.url, { ...options, seconds: WARM_UP_SECONDS });
  const result = await runWrk(page.url, options);
  log(`${page.target}: ${result.requestsPerSec.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
  return { ...page, result };
}

interface ServerMeasurements {
  rows: Row[];
  story: Row;
  storyBody: Buffer;
  memory: MemoryUsage;
}

async function measureServer(server: Server, options: LoadOptions): Promise<ServerMeasurements> {
  const checked: CheckedTarget[] = [];
  for (const target of await discoverTargets(server.base)) checked.push(await checkTarget(server.base, target));

  const rows: Row[] = [];
  for (const { name, path, expectedStatus, body } of checked) {
    rows.push(await load({ target: name, url: server.base + path, expectedStatus, bytes: body.length }, options));
    if (hasExited(server.child)) throw new Error(`the server died under load:\n${serverLog(server)}`);
  }
  const [story] = rows;
  const [storyTarget] = checked;
  if (story === undefined || storyTarget === undefined || server.child.pid === undefined) {
    throw new Error('nothing was measured');
  }
  return { rows, story, storyBody: storyTarget.body, memory: readMemory(server.child.pid) };
}

async function measureCeiling(storyBody: Buffer, options: LoadOptions): Promise<Row> {
  const site = await startStaticSite(join(WORK, 'nginx'), storyBody);
  log(`nginx serving the story page's ${storyBody.length} bytes at ${site.url}`);
  try {
    const page = { target: 'Static ceiling (nginx)', url: site.url, expectedStatus: 200, bytes: storyBody.length };
    return await load(page, options);
  } finally {
    await site.stop();
  }
}

async function main(): Promise<void> {
  installCleanupHandlers();
  const config = readConfig();
  ensureTools(log);
  prepareWorkDir();
  const date = new Date();
  const seedMs = await seed(config);

  const server = await startServer(config);
  let measured: ServerMeasurements;
  try {
    measured = await measureServer(server, config.load);
  } finally {
    await stopProcess(server.child);
  }
  const ceiling = await measureCeiling(measured.storyBody, config.load);

  const markdown = renderResults({
    date,
    stories: config.stories,
    seedMs,
    load: config.load,
    rows: [...measured.rows, ceiling],
    story: measured.story,
    ceiling,
    memory: measured.memory,
  });
  writeFileSync(RESULTS, markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${RESULTS}`);
}

try {
  await main();
  process.exitCode = 0;
} catch (error) {
  console.error(`[bench] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
