/**
 * The Masthead benchmark (`npm run bench`): seeds a demo database, starts the production server on
 * loopback as one process (WEB_CONCURRENCY=1) and load-tests four pages with wrk, restarts it with
 * one web process per core (WEB_CONCURRENCY=auto) and load-tests the story page and edition home,
 * compares the story page with nginx serving the same bytes, reads the memory of every server
 * process and writes bench/RESULTS.md. See bench/README.md.
 *
 * Exit code 0 means the measurement ran (whether or not the targets were met); non-zero means the
 * harness could not measure (tools missing, server did not start, pages answered wrong statuses).
 */
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverTopic, showsPaywall, storyLinks } from './discover.js';
import { getPage, waitForOk } from './http.js';
import { readProcessMemory, type ProcessMemory } from './memory.js';
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
  waitForExit,
} from './processes.js';
import { descendants, killAll, processGroup, waitUntilGone, type ProcessId } from './proctree.js';
import { processesLabel, renderResults, TARGET_STORIES, type Phase, type Row } from './report.js';
import { ensureTools } from './tools.js';
import { parseScaleArgs, runScale } from './scale.js';
import { runWrk, type LoadOptions } from './wrk.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const DATABASE_URL = join(WORK, 'bench.db');
const DATA_DIR = join(WORK, 'data');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

const WARM_UP_SECONDS = 2;
const SEED_TIMEOUT_MS = 30 * 60_000;
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
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
  /** The WEB_CONCURRENCY it was started with. */
  webConcurrency: string;
}

const log = (message: string) => console.log(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** "Masthead is serving http://…/ with N web processes", printed by the primary once all N listen. */
const ALL_WORKERS_LISTENING = /with (\d+) web processes/;

/**
 * With more than one web process, /readyz answers as soon as the first worker listens; a load run
 * started then could put all its keep-alive connections on that one worker. So we also wait until
 * the primary has `expected` children and says all of them are listening.
 */
async function waitForWorkers(server: Server, expected: number, notes: string[]): Promise<void> {
  const pid = server.child.pid;
  if (expected <= 1 || pid === undefined) return;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let children = 0;
  let announced = false;
  while (Date.now() < deadline) {
    if (hasExited(server.child)) throw new Error(`the server exited while starting:\n${serverLog(server)}`);
    children = descendants(pid).filter((p) => p.ppid === pid).length;
    const match = ALL_WORKERS_LISTENING.exec(readFileSync(server.logFile, 'utf8'));
    announced = match !== null;
    if (match !== null && Number(match[1]) !== expected) {
      throw new Error(`the server started ${match[1]} web processes, expected ${expected}:\n${serverLog(server)}`);
    }
    if (children === expected && announced) return;
    await sleep(200);
  }
  if (children !== expected) {
    throw new Error(`the server has ${children} worker processes, expected ${expected}:\n${serverLog(server)}`);
  }
  // Right number of workers, but the log never said they all listen (the message may have changed).
  notes.push(
    `With WEB_CONCURRENCY=auto the server log never said that all ${expected} web processes were listening; ` +
      `the load started once ${expected} workers existed.`,
  );
}

async function startServer(config: Config, webConcurrency: string, expectedProcesses: number, notes: string[]): Promise<Server> {
  const port = await freePort();
  const logFile = join(WORK, `server-${webConcurrency}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawnTracked(process.execPath, [config.bin, 'start'], {
    cwd: ROOT,
    env: storageEnv({ NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: webConcurrency }),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  child.on('error', (error) => log(`server: ${error.message}`));
  const server = { child, base: `http://127.0.0.1:${port}`, logFile, webConcurrency };
  log(`starting the server with WEB_CONCURRENCY=${webConcurrency} on ${server.base} (pid ${child.pid}, log ${logFile})`);
  try {
    await waitForOk(`${server.base}/readyz`, READY_TIMEOUT_MS, () => !hasExited(child));
    await waitForWorkers(server, expectedProcesses, notes);
  } catch (error) {
    await stopServer(server, notes);
    throw new Error(`${(error as Error).message}\nserver log:\n${serverLog(server)}`);
  }
  return server;
}

/**
 * Stops the server with SIGTERM to the primary alone (which must stop its workers, as under a
 * process manager), then makes sure no process of it is left: anything still running that was its
 * descendant or is in its process group is SIGKILLed, and noted.
 */
async function stopServer(server: Server, notes: string[]): Promise<void> {
  const { child } = server;
  const pid = child.pid;
  if (pid === undefined) return;
  const before = [...descendants(pid)];
  const label = `the server (WEB_CONCURRENCY=${server.webConcurrency})`;
  if (!hasExited(child)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Exited in between.
    }
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      notes.push(`${label} did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM; its process group was killed.`);
      await stopProcess(child, 'SIGKILL', 2_000);
    }
  }
  const seen = new Map<string, ProcessId>();
  for (const p of [...before, ...processGroup(pid)]) seen.set(`${p.pid}/${p.startTime}`, p);
  const leftovers = await waitUntilGone([...seen.values()], 2_000);
  if (leftovers.length === 0) {
    log(`${label} stopped; none of its ${before.length} child processes is left`);
    return;
  }
  const pids = leftovers.map((p) => p.pid).join(', ');
  log(`${label}: processes ${pids} outlived it; sending SIGKILL`);
  notes.push(`After ${label} exited, processes ${pids} of it were still running; they were killed with SIGKILL.`);
  killAll(leftovers);
  const survivors = await waitUntilGone(leftovers, 2_000);
  if (survivors.length > 0) throw new Error(`could not stop server processes ${survivors.map((p) => p.pid).join(', ')}`);
}

interface CheckedTarget extends Target {
  body: Buffer;
}

/** The four pages under test, story page first, found by following links from the edition home. */
async function discoverTargets(base: string): Promise<Target[]> {
  const home = await getPage(`${base}/en/`);
  if (home.status !== 200) throw new Error(`/en/ answered ${home.status}, expected 200`);
  // The first free story and the first paywalled one, as an anonymous reader (no cookie) gets them.
  let story: { path: string; html: string } | undefined;
  let paywalled: string | undefined;
  for (const path of storyLinks(home.body.toString('utf8'))) {
    const page = await getPage(base + path);
    if (page.status !== 200) throw new Error(`${path} answered ${page.status}, expected 200`);
    const html = page.body.toString('utf8');
    if (showsPaywall(html)) paywalled ??= path;
    else story ??= { path, html };
    if (story && paywalled) break;
  }
  if (!story) throw new Error('every story on /en/ is paywalled for an anonymous reader; no free story to measure');
  const topic = discoverTopic(story.html, story.path);
  return [
    { name: 'Story page', path: story.path, expectedStatus: 200 },
    ...(paywalled ? [{ name: 'Paywalled story (anonymous preview)', path: paywalled, expectedStatus: 200 }] : []),
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
  log(`${page.target}: ${result.requestsPerSec.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms`);
  return { ...page, result };
}

/** The server's processes: the one process, or the primary followed by its workers (direct children). */
function serverProcesses(pid: number): { pid: number; role: ProcessMemory['role'] }[] {
  const workers = descendants(pid).filter((p) => p.ppid === pid);
  if (workers.length === 0) return [{ pid, role: 'server' }];
  return [{ pid, role: 'primary' }, ...workers.map((w) => ({ pid: w.pid, role: 'worker' as const }))];
}

interface PhaseMeasurement {
  phase: Phase;
  /** The story page's bytes as this server sent them. */
  storyBody: Buffer;
}

/** Loads each target (already checked) and reads the memory of every server process afterwards. */
async function measureServer(
  server: Server,
  processes: number,
  checked: CheckedTarget[],
  options: LoadOptions,
  notes: string[],
): Promise<PhaseMeasurement> {
  const pid = server.child.pid;
  if (pid === undefined) throw new Error('the server has no pid');
  const suffix = ` (${processesLabel(processes)})`;
  const workersBefore = serverProcesses(pid).map((p) => p.pid);
  const rows: Row[] = [];
  for (const { name, path, expectedStatus, body } of checked) {
    rows.push(await load({ target: name + suffix, url: server.base + path, expectedStatus, bytes: body.length }, options));
    if (hasExited(server.child)) throw new Error(`the server died under load:\n${serverLog(server)}`);
  }
  const memory = readProcessMemory(serverProcesses(pid));
  const workersAfter = memory.map((p) => p.pid);
  if (workersAfter.join() !== workersBefore.join()) {
    notes.push(
      `With WEB_CONCURRENCY=${server.webConcurrency} the server's processes changed during the load ` +
        `(before: ${workersBefore.join(', ')}; after: ${workersAfter.join(', ')}): a web process exited and was replaced; ` +
        `see bench/.work/server-${server.webConcurrency}.log.`,
    );
  }
  const [story] = rows;
  const [storyTarget] = checked;
  if (story === undefined || storyTarget === undefined) throw new Error('nothing was measured');
  return {
    phase: { processes, webConcurrency: server.webConcurrency, rows, story, memory },
    storyBody: storyTarget.body,
  };
}

/** Phase A: one process, all four pages; finds the pages by following links. */
async function measureSingle(config: Config, notes: string[]): Promise<PhaseMeasurement & { targets: Target[] }> {
  const server = await startServer(config, '1', 1, notes);
  try {
    const targets = await discoverTargets(server.base);
    const checked: CheckedTarget[] = [];
    for (const target of targets) checked.push(await checkTarget(server.base, target));
    return { ...(await measureServer(server, 1, checked, config.load, notes)), targets };
  } finally {
    await stopServer(server, notes);
  }
}

/** Phase B: one web process per core, the story page (same URL as phase A) and the edition home. */
async function measureAllCores(config: Config, targets: Target[], singleStory: Buffer, notes: string[]): Promise<PhaseMeasurement> {
  const processes = os.availableParallelism();
  const server = await startServer(config, 'auto', processes, notes);
  try {
    const wanted = targets.filter((t) => t.name === 'Story page' || t.name.startsWith('Paywalled story') || t.name === 'Edition home');
    const checked: CheckedTarget[] = [];
    for (const target of wanted) checked.push(await checkTarget(server.base, target));
    const measured = await measureServer(server, processes, checked, config.load, notes);
    if (measured.storyBody.length !== singleStory.length) {
      notes.push(
        `The story page was ${measured.storyBody.length} bytes with WEB_CONCURRENCY=auto and ` +
          `${singleStory.length} bytes with WEB_CONCURRENCY=1; the static ceiling serves the latter.`,
      );
    }
    return measured;
  } finally {
    await stopServer(server, notes);
  }
}

async function measureCeiling(storyBody: Buffer, options: LoadOptions): Promise<{ row: Row; workers: number | undefined }> {
  const site = await startStaticSite(join(WORK, 'nginx'), storyBody);
  const workers = site.pid === undefined ? undefined : descendants(site.pid).filter((p) => p.ppid === site.pid).length;
  log(`nginx (${workers ?? '?'} workers) serving the story page's ${storyBody.length} bytes at ${site.url}`);
  try {
    const page = { target: 'Static ceiling (nginx)', url: site.url, expectedStatus: 200, bytes: storyBody.length };
    return { row: await load(page, options), workers };
  } finally {
    await site.stop();
  }
}

/**
 * `npm run bench`: the classic benchmark, then the archive-scale matrix (bench/scale.ts).
 * `npm run bench -- --classic`: the classic one only. Any scale option (`--scale`, `--stories`,
 * `--db`, `--processes`, `--seconds`) runs only the scale matrix, narrowed by them.
 */
async function main(): Promise<void> {
  installCleanupHandlers();
  const args = process.argv.slice(2);
  const scaleOnly = args.some((a) => ['--scale', '--stories', '--db', '--processes', '--seconds'].includes(a));
  if (!scaleOnly) await classic();
  if (!args.includes('--classic')) {
    ensureTools(log);
    await runScale(ROOT, parseScaleArgs(args));
  }
}

async function classic(): Promise<void> {
  const config = readConfig();
  ensureTools(log);
  prepareWorkDir();
  const date = new Date();
  const seedMs = await seed(config);

  const notes: string[] = [];
  const single = await measureSingle(config, notes);
  const allCores = await measureAllCores(config, single.targets, single.storyBody, notes);
  const ceiling = await measureCeiling(single.storyBody, config.load);
  const cores = os.availableParallelism();
  if (ceiling.workers !== undefined && ceiling.workers !== cores) {
    notes.push(`nginx started ${ceiling.workers} workers, but os.availableParallelism() is ${cores}.`);
  }

  const markdown = renderResults({
    date,
    stories: config.stories,
    seedMs,
    load: config.load,
    single: single.phase,
    allCores: allCores.phase,
    ceiling: ceiling.row,
    nginxWorkers: ceiling.workers,
    notes,
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
