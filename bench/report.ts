/**
 * Turns measurements into bench/RESULTS.md: machine, table, ceiling ratio, memory and targets.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { ProcessMemory } from './memory.js';
import { toMiB } from './memory.js';
import type { LoadOptions, WrkResult } from './wrk.js';
import { wrkCommandLine } from './wrk.js';

export interface Row {
  target: string;
  url: string;
  /** The status every response should have (200, or 404 for the not-found page). */
  expectedStatus: number;
  bytes: number;
  result: WrkResult;
}

/** One server configuration under load: the single process, or one web process per core. */
export interface Phase {
  /** Web processes that served (1 with WEB_CONCURRENCY=1; os.availableParallelism() with auto). */
  processes: number;
  /** The environment value the server was started with. */
  webConcurrency: string;
  rows: Row[];
  /** The story page row (also in `rows`). */
  story: Row;
  /** Every process of the server after the load: the one process, or the primary and its workers. */
  memory: ProcessMemory[];
}

export interface Results {
  date: Date;
  stories: number;
  seedMs: number;
  load: LoadOptions;
  /** WEB_CONCURRENCY=1. */
  single: Phase;
  /** WEB_CONCURRENCY=auto: as many web processes as nginx has workers (one per core). */
  allCores: Phase;
  ceiling: Row;
  /** nginx worker processes counted during the ceiling run (undefined if they could not be counted). */
  nginxWorkers: number | undefined;
  /** Things that went unexpectedly but did not stop the measurement. */
  notes: string[];
}

export type Verdict = 'PASS' | 'FAIL' | 'N/A';

export interface TargetCheck {
  name: string;
  verdict: Verdict;
  measured: string;
}

export const TARGET_STORIES = 10_000;
const CEILING_SHARE = 0.5;
const P99_LIMIT_MS = 10;
const RSS_LIMIT_MIB = 200;

const pass = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');
const fixed = (n: number, digits: number) => n.toFixed(digits);
const mib = (kib: number) => `${fixed(toMiB(kib), 1)} MB`;

/** "1 process", "2 processes". */
export function processesLabel(n: number): string {
  return `${n} ${n === 1 ? 'process' : 'processes'}`;
}

export function ceilingShare(story: Row, ceiling: Row): number {
  return story.result.requestsPerSec / ceiling.result.requestsPerSec;
}

/** The processes that serve requests: the workers of a cluster, or the one process. */
export function webProcesses(phase: Phase): ProcessMemory[] {
  const workers = phase.memory.filter((p) => p.role === 'worker');
  return workers.length > 0 ? workers : phase.memory.filter((p) => p.role !== 'primary');
}

export const totalRssKiB = (phase: Phase) => phase.memory.reduce((sum, p) => sum + p.rssKiB, 0);

function largestRssKiB(processes: ProcessMemory[]): number {
  return Math.max(...processes.map((p) => p.rssKiB));
}

export function checkTargets(results: Results): TargetCheck[] {
  const { single, allCores, ceiling } = results;
  const one = processesLabel(single.processes);
  const all = processesLabel(allCores.processes);
  const shareAll = ceilingShare(allCores.story, ceiling);
  const shareOne = ceilingShare(single.story, ceiling);
  const p99One = single.story.result.p99Ms;
  const p99All = allCores.story.result.p99Ms;
  const rssOne = largestRssKiB(webProcesses(single));
  const allCoresWeb = webProcesses(allCores);
  const rssWorker = largestRssKiB(allCoresWeb);
  const enoughStories = results.stories >= TARGET_STORIES;
  const nginx = results.nginxWorkers === undefined ? 'nginx runs one worker per core' : `nginx ran ${results.nginxWorkers} workers`;
  return [
    {
      name:
        `Story page >= ${CEILING_SHARE * 100}% of the static ceiling (req/s), judged with ${all} ` +
        `(WEB_CONCURRENCY=${allCores.webConcurrency}, one web process per core: the same number of cores as nginx; ${nginx})`,
      verdict: pass(shareAll >= CEILING_SHARE),
      measured: `${fixed(shareAll * 100, 1)}% with ${all}; for information, ${fixed(shareOne * 100, 1)}% with ${one}`,
    },
    {
      name:
        `Story page p99 < ${P99_LIMIT_MS} ms at ${results.load.connections} connections, ` +
        `judged with ${one} and with ${all} (both must pass)`,
      verdict: pass(p99One < P99_LIMIT_MS && p99All < P99_LIMIT_MS),
      measured: `${fixed(p99One, 2)} ms with ${one}, ${fixed(p99All, 2)} ms with ${all}`,
    },
    {
      name:
        `RSS < ${RSS_LIMIT_MIB} MB per web process with ${TARGET_STORIES.toLocaleString('en')} stories, ` +
        `judged on the single process and on the largest worker with ${all}`,
      verdict: enoughStories ? pass(rssOne < RSS_LIMIT_MIB * 1024 && rssWorker < RSS_LIMIT_MIB * 1024) : 'N/A',
      measured:
        `${mib(rssOne)} with ${one}, ${mib(rssWorker)} for the largest of ${allCoresWeb.length} web ` +
        `${allCoresWeb.length === 1 ? 'process' : 'processes'} with ${all}; for information, ` +
        `${mib(totalRssKiB(allCores))} in total over all ${allCores.memory.length} processes of that server` +
        (enoughStories ? '' : `; only ${results.stories} stories were seeded`),
    },
  ];
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()}`;
  } catch {
    // Not every system has /etc/os-release.
  }
  return `${os.type()} ${os.release()}`;
}

export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memGiB = os.totalmem() / 1024 ** 3;
  return `${model}, ${cpus.length} cores, ${fixed(memGiB, 1)} GiB RAM, ${osName()}, Node ${process.version}`;
}

export function markdownTable(rows: Row[]): string {
  const lines = ['| Target | URL path | req/s | p50 ms | p99 ms | non-2xx/3xx | bytes |', '|---|---|--:|--:|--:|--:|--:|'];
  for (const { target, url, bytes, result } of rows) {
    const cells = [
      target,
      `\`${new URL(url).pathname}\``,
      fixed(result.requestsPerSec, 0),
      fixed(result.p50Ms, 2),
      fixed(result.p99Ms, 2),
      String(result.non2xx3xx),
      String(bytes),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function anomalies(rows: Row[]): string[] {
  const notes: string[] = [];
  for (const { target, expectedStatus, result } of rows) {
    if (result.socketErrors > 0) notes.push(`- ${target}: ${result.socketErrors} socket errors during the run.`);
    if (result.non2xx3xx > 0 && expectedStatus < 400) {
      notes.push(`- ${target}: ${result.non2xx3xx} of ${result.requests} responses were not 2xx/3xx.`);
    }
  }
  return notes;
}

const ROLE: Record<ProcessMemory['role'], string> = {
  server: 'server',
  primary: 'primary (migrates, then only supervises)',
  worker: 'web worker',
};

function memoryTable(processes: ProcessMemory[]): string {
  const lines = ['| Process | pid | VmRSS MB | VmHWM MB |', '|---|--:|--:|--:|'];
  for (const p of processes) {
    lines.push(`| ${ROLE[p.role]} | ${p.pid} | ${fixed(toMiB(p.rssKiB), 1)} | ${fixed(toMiB(p.peakKiB), 1)} |`);
  }
  return lines.join('\n');
}

function memorySection(phase: Phase): string[] {
  const label = processesLabel(phase.processes);
  const [only] = phase.memory;
  if (phase.memory.length === 1 && only !== undefined) {
    return [`- ${label} (WEB_CONCURRENCY=${phase.webConcurrency}): VmRSS ${mib(only.rssKiB)}, peak VmHWM ${mib(only.peakKiB)}.`];
  }
  return [
    `- ${label} (WEB_CONCURRENCY=${phase.webConcurrency}): VmRSS ${mib(totalRssKiB(phase))} in total over ` +
      `${phase.memory.length} processes. A sum of RSS counts pages the processes share ` +
      "(the Node binary's code, for one) once per process, so it overstates the memory actually used.",
    '',
    memoryTable(phase.memory),
  ];
}

function shareLine(phase: Phase, ceiling: Row): string {
  const gated = phase.rows.find((r) => r.target.startsWith('Paywalled story'));
  return (
    `- Story page (free story) throughput is ${fixed(ceilingShare(phase.story, ceiling) * 100, 1)}% of the static ceiling ` +
    `with ${processesLabel(phase.processes)} (WEB_CONCURRENCY=${phase.webConcurrency})` +
    (gated
      ? `; a paywalled story's anonymous preview (rendered per request: the access decision and the meter cookie) is ${fixed(ceilingShare(gated, ceiling) * 100, 1)}%.`
      : '.')
  );
}

export function renderResults(results: Results): string {
  const { single, allCores, ceiling } = results;
  const notes = [...anomalies([...single.rows, ...allCores.rows, ceiling]), ...results.notes.map((n) => `- ${n}`)];
  const targets = checkTargets(results).map((t) => `- **${t.verdict}**: ${t.name} (measured ${t.measured})`);
  const nginxWorkers =
    results.nginxWorkers === undefined ? 'worker_processes auto' : `worker_processes auto: ${results.nginxWorkers} workers`;
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md. Do not edit by hand.',
    '',
    `- Date: ${results.date.toISOString()}`,
    `- Machine: ${machineLine()}`,
    `- Stories seeded: ${results.stories.toLocaleString('en')} (seed-demo took ${fixed(results.seedMs / 1000, 1)} s)`,
    `- Load: \`${wrkCommandLine(results.load)}\` after a 2 s warm-up, all over loopback`,
    `- Server configurations: WEB_CONCURRENCY=${single.webConcurrency} (${processesLabel(single.processes)}) and ` +
      `WEB_CONCURRENCY=${allCores.webConcurrency} (${processesLabel(allCores.processes)}: a primary that forks ` +
      'one web worker per core, os.availableParallelism())',
    '',
    markdownTable([...single.rows, ...allCores.rows, ceiling]),
    '',
    ...(notes.length > 0 ? ['Anomalies:', '', ...notes, ''] : []),
    `The static ceiling is nginx serving the same bytes from a file (${nginxWorkers}).`,
    '',
    shareLine(single, ceiling),
    shareLine(allCores, ceiling),
    '',
    'Server memory after the load (MB = MiB; VmRSS now and peak VmHWM, from /proc/<pid>/status):',
    '',
    ...memorySection(single),
    ...memorySection(allCores),
    '',
    '## Targets',
    '',
    ...targets,
    '',
  ].join('\n');
}
