/**
 * The archive-scale benchmark (issue #7), `npm run bench -- --scale [options]`; see bench/README.md.
 * For each database and archive size, with one process and with one per core, every scenario on a
 * freshly started server (no cache warmed before it): the hot story page (wrk); distinct story URLs
 * in random order (a crawler, bench/loadgen.ts); the hot page while 4 crawler connections run
 * beside it; a signed-in subscriber reading distinct paid stories; a mix of homes, listings,
 * stories and 404s. Each server prints its event-loop delay and peak RSS at shutdown. With one
 * process, the miss path alone: page cache off, one connection, distinct story URLs, whose median
 * is compared with the same at 1,000 stories.
 */
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { getPage, waitForOk } from './http.js';
import { startStaticSite } from './nginx.js';
import { freePort, hasExited, runCommand, spawnTracked, stopProcess, tail, waitForExit } from './processes.js';
import { dataset, urlLists, type Dataset, type DbKind, type UrlLists } from './scale-data.js';
import { runWrk } from './wrk.js';

export interface ScaleOptions {
  stories: number[];
  dbs: DbKind[];
  processes: ('1' | 'auto')[];
  seconds: number;
}

interface Load {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

interface ScenarioRow extends Load {
  db: DbKind;
  stories: number;
  processes: string;
  scenario: string;
  eventLoopP99Ms: number | null;
  maxRssMiB: number | null;
}

interface MissRow {
  db: DbKind;
  stories: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

const log = (message: string) => console.log(`[bench:scale] ${message}`);

export function parseScaleArgs(args: readonly string[]): ScaleOptions {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const list = (name: string, fallback: string) => (value(name) ?? fallback).split(',').filter(Boolean);
  const stories = list('stories', '10000,100000').map(Number);
  if (stories.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error('--stories takes whole numbers of at least 100, comma-separated');
  const dbs = list('db', 'sqlite,postgres') as DbKind[];
  if (dbs.some((d) => d !== 'sqlite' && d !== 'postgres')) throw new Error('--db takes sqlite and/or postgres');
  const processes = list('processes', '1,auto') as ('1' | 'auto')[];
  if (processes.some((p) => p !== '1' && p !== 'auto')) throw new Error('--processes takes 1 and/or auto');
  const seconds = Number(value('seconds') ?? process.env.BENCH_SECONDS ?? 10);
  return { stories, dbs, processes, seconds };
}

interface Server {
  base: string;
  logFile: string;
  stop(): Promise<{ eventLoopP99Ms: number | null; maxRssMiB: number | null }>;
}

async function startServer(bin: string, set: Dataset, webConcurrency: string, work: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const port = await freePort();
  const logFile = join(work, `server-${set.db}-${set.stories}-${webConcurrency}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawnTracked(process.execPath, [bin, 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: set.databaseUrl,
      DATA_DIR: set.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_CONCURRENCY: webConcurrency,
      SEED_DEMO_ON_START: 'false',
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/readyz`, 120_000, () => !hasExited(child));
  const expected = webConcurrency === 'auto' ? os.availableParallelism() : 1;
  const deadline = Date.now() + 60_000;
  while (expected > 1 && Date.now() < deadline && !/with \d+ web processes/.test(readFileSync(logFile, 'utf8')))
    await new Promise((r) => setTimeout(r, 200));
  return {
    base,
    logFile,
    async stop() {
      const pid = child.pid;
      if (pid !== undefined && !hasExited(child)) process.kill(pid, 'SIGTERM');
      if (!(await waitForExit(child, 15_000))) await stopProcess(child, 'SIGKILL', 2_000);
      const metrics = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"process metrics"'))
        .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as { eventLoopDelayMs: { p99: number }; maxRssMiB: number });
      if (metrics.length === 0) return { eventLoopP99Ms: null, maxRssMiB: null };
      return {
        eventLoopP99Ms: Math.max(...metrics.map((m) => m.eventLoopDelayMs.p99)),
        maxRssMiB: Math.max(...metrics.map((m) => m.maxRssMiB)),
      };
    },
  };
}

async function loadgen(base: string, file: string, connections: number, seconds: number, cookie?: string): Promise<Load> {
  const args = [
    '--import',
    'tsx',
    join(import.meta.dirname, 'loadgen.ts'),
    base,
    file,
    String(connections),
    String(seconds),
    ...(cookie ? [cookie] : []),
  ];
  const result = await runCommand(process.execPath, args, { timeoutMs: (seconds + 60) * 1000 });
  if (result.code !== 0) throw new Error(`loadgen failed:\n${tail(result.stderr + result.stdout)}`);
  const out = JSON.parse(result.stdout.trim().split('\n').pop() as string) as {
    requestsPerSec: number;
    p50Ms: number;
    p99Ms: number;
    statuses: Record<string, number>;
  };
  const errors = Object.entries(out.statuses)
    .filter(([s]) => !['200', '301', '404'].includes(s))
    .reduce((n, [, c]) => n + c, 0);
  return { requestsPerSec: out.requestsPerSec, p50Ms: out.p50Ms, p99Ms: out.p99Ms, errors };
}

async function wrk(url: string, seconds: number): Promise<Load> {
  const r = await runWrk(url, { threads: 1, connections: 32, seconds });
  return { requestsPerSec: r.requestsPerSec, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.non2xx3xx + r.socketErrors };
}

/** The scenarios on one dataset and process count, each on a server started for it. */
async function scenarios(
  bin: string,
  set: Dataset,
  urls: UrlLists,
  processes: string,
  seconds: number,
  work: string,
): Promise<ScenarioRow[]> {
  const rows: ScenarioRow[] = [];
  const run = async (scenario: string, measure: (base: string) => Promise<Load>) => {
    const server = await startServer(bin, set, processes, work);
    const measured = await measure(server.base).then(
      (load) => ({ load, error: null }),
      (error: unknown) => ({ load: null, error }),
    );
    const metrics = await server.stop();
    if (!measured.load) throw measured.error;
    const load = measured.load;
    const row = { db: set.db, stories: set.stories, processes, scenario, ...load, ...metrics };
    log(
      `${set.db} ${set.stories} ×${processes} ${scenario}: ${load.requestsPerSec.toFixed(0)} req/s, p50 ${load.p50Ms.toFixed(2)} ms, p99 ${load.p99Ms.toFixed(2)} ms, event loop p99 ${metrics.eventLoopP99Ms ?? '?'} ms`,
    );
    rows.push(row);
  };
  await run('hot story page (wrk, 32 connections)', (base) => wrk(base + urls.hot, seconds));
  await run('crawler: distinct story URLs (32 connections)', (base) => loadgen(base, urls.storiesFile, 32, seconds));
  await run('hot page while a crawler reads (4 connections)', async (base) => {
    const crawler = loadgen(base, urls.storiesFile, 4, seconds + 2);
    await new Promise((r) => setTimeout(r, 1000));
    const hot = await wrk(base + urls.hot, seconds);
    await crawler;
    return hot;
  });
  await run('signed-in subscriber, distinct paid stories (8 connections)', (base) =>
    loadgen(base, urls.paidFile, 8, seconds, urls.subscriberCookie),
  );
  await run('mix: homes, listings, stories, 404s (32 connections)', (base) => loadgen(base, urls.mixFile, 32, seconds));
  return rows;
}

/** The miss path alone: page cache off, one connection, distinct story URLs. */
async function missCost(bin: string, set: Dataset, urls: UrlLists, seconds: number, work: string): Promise<MissRow> {
  const server = await startServer(bin, set, '1', work, { PAGE_CACHE_SECONDS: '0' });
  try {
    const load = await loadgen(server.base, urls.storiesFile, 1, seconds);
    log(`${set.db} ${set.stories} miss path: p50 ${load.p50Ms.toFixed(2)} ms, p99 ${load.p99Ms.toFixed(2)} ms`);
    return { db: set.db, stories: set.stories, p50Ms: load.p50Ms, p99Ms: load.p99Ms, requests: Math.round(load.requestsPerSec * seconds) };
  } finally {
    await server.stop();
  }
}

const f = (n: number | null, digits = 1) => (n === null ? '?' : n.toFixed(digits));

function render(options: ScaleOptions, rows: ScenarioRow[], misses: MissRow[], nginx: Map<string, number>, seeds: Dataset[]): string {
  const lines = [
    '# Archive-scale benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.availableParallelism()}, Node ${process.version}. Options: ${JSON.stringify(options)}.`,
    '',
    'Every scenario ran on a server started for it (no cache warmed before); the page cache is on (its default) except for the miss path.',
    '',
    '| Database | Stories | Processes | Scenario | req/s | p50 ms | p99 ms | vs nginx | errors | event loop p99 ms | peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ceiling = nginx.get(`${r.db}-${r.stories}`);
      return `| ${r.db} | ${r.stories} | ${r.processes} | ${r.scenario} | ${r.requestsPerSec.toFixed(0)} | ${f(r.p50Ms, 2)} | ${f(r.p99Ms, 2)} | ${ceiling ? `${((100 * r.requestsPerSec) / ceiling).toFixed(1)}%` : '?'} | ${r.errors} | ${f(r.eventLoopP99Ms, 2)} | ${f(r.maxRssMiB, 0)} |`;
    }),
    '',
    '## Miss path (page cache off, 1 connection, distinct story URLs, 1 process)',
    '',
    '| Database | Stories | requests | p50 ms | p99 ms | p50 vs 1,000 stories |',
    '|---|---|---|---|---|---|',
    ...misses.map((m) => {
      const base = misses.find((b) => b.db === m.db && b.stories === 1000);
      return `| ${m.db} | ${m.stories} | ${m.requests} | ${m.p50Ms.toFixed(2)} | ${m.p99Ms.toFixed(2)} | ${base ? `${(m.p50Ms / base.p50Ms).toFixed(2)}×` : '?'} |`;
    }),
    '',
    '## Seeding',
    '',
    ...seeds.map(
      (s) => `- ${s.db}, ${s.stories} stories: ${s.seedSeconds === null ? 'reused from an earlier run' : `${s.seedSeconds.toFixed(1)} s`}`,
    ),
    '',
    "nginx: the hot story page's bytes served by nginx (one worker per core), wrk with 32 connections.",
    '',
  ];
  return lines.join('\n');
}

export async function runScale(root: string, options: ScaleOptions): Promise<void> {
  const work = join(root, 'bench', '.work', 'scale');
  const bin = join(root, 'bin', 'masthead.js');
  const rows: ScenarioRow[] = [];
  const misses: MissRow[] = [];
  const nginx = new Map<string, number>();
  const seeds: Dataset[] = [];
  for (const db of options.dbs) {
    // The miss path's cost is compared with a 1,000-story archive on the same database.
    const sizes = [...new Set([1000, ...options.stories])];
    for (const stories of sizes) {
      const set = await dataset(work, bin, db, stories, log);
      seeds.push(set);
      const urls = await urlLists(set, join(work, `${db}-${stories}`, 'urls'));
      misses.push(await missCost(bin, set, urls, options.seconds, work));
      if (!options.stories.includes(stories)) continue;
      for (const processes of options.processes) rows.push(...(await scenarios(bin, set, urls, processes, options.seconds, work)));
      // The static ceiling: the hot story's bytes, as a fresh server renders them.
      const server = await startServer(bin, set, '1', work);
      let body: Buffer;
      try {
        body = (await getPage(server.base + urls.hot)).body;
      } finally {
        await server.stop();
      }
      const site = await startStaticSite(join(work, 'nginx'), body);
      try {
        nginx.set(`${db}-${stories}`, (await wrk(site.url, options.seconds)).requestsPerSec);
      } finally {
        await site.stop();
      }
    }
  }
  const markdown = render(options, rows, misses, nginx, seeds);
  const file = join(root, 'bench', 'SCALE-RESULTS.md');
  writeFileSync(file, markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${file}`);
}
