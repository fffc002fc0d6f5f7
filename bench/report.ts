/**
 * Turns measurements into bench/RESULTS.md: machine, table, ceiling ratio, memory and targets.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { MemoryUsage } from './memory.js';
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

export interface Results {
  date: Date;
  stories: number;
  seedMs: number;
  load: LoadOptions;
  rows: Row[];
  /** The story page row and the nginx row (also in `rows`). */
  story: Row;
  ceiling: Row;
  memory: MemoryUsage;
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

export function ceilingShare(results: Pick<Results, 'story' | 'ceiling'>): number {
  return results.story.result.requestsPerSec / results.ceiling.result.requestsPerSec;
}

export function checkTargets(results: Results): TargetCheck[] {
  const share = ceilingShare(results);
  const rssMiB = toMiB(results.memory.rssKiB);
  const enoughStories = results.stories >= TARGET_STORIES;
  return [
    {
      name: `Story page >= ${CEILING_SHARE * 100}% of the static ceiling (req/s)`,
      verdict: pass(share >= CEILING_SHARE),
      measured: `${fixed(share * 100, 1)}%`,
    },
    {
      name: `Story page p99 < ${P99_LIMIT_MS} ms at ${results.load.connections} connections`,
      verdict: pass(results.story.result.p99Ms < P99_LIMIT_MS),
      measured: `${fixed(results.story.result.p99Ms, 2)} ms`,
    },
    {
      name: `Server RSS < ${RSS_LIMIT_MIB} MB with ${TARGET_STORIES.toLocaleString('en')} stories`,
      verdict: enoughStories ? pass(rssMiB < RSS_LIMIT_MIB) : 'N/A',
      measured: `${fixed(rssMiB, 1)} MB` + (enoughStories ? '' : `; only ${results.stories} stories were seeded`),
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
  const lines = [
    '| Target | URL path | req/s | p50 ms | p99 ms | non-2xx/3xx | bytes |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
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

export function renderResults(results: Results): string {
  const { rssKiB, peakKiB } = results.memory;
  const notes = anomalies(results.rows);
  const targets = checkTargets(results).map((t) => `- **${t.verdict}**: ${t.name} (measured ${t.measured})`);
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md. Do not edit by hand.',
    '',
    `- Date: ${results.date.toISOString()}`,
    `- Machine: ${machineLine()}`,
    `- Stories seeded: ${results.stories.toLocaleString('en')} (seed-demo took ${fixed(results.seedMs / 1000, 1)} s)`,
    `- Load: \`${wrkCommandLine(results.load)}\` after a 2 s warm-up, all over loopback`,
    '',
    markdownTable(results.rows),
    '',
    ...(notes.length > 0 ? ['Anomalies:', '', ...notes, ''] : []),
    `Story page throughput is ${fixed(ceilingShare(results) * 100, 1)}% of the static ceiling ` +
      '(nginx serving the same bytes from a file).',
    '',
    `Server memory after the load: VmRSS ${fixed(toMiB(rssKiB), 1)} MB, ` +
      `peak VmHWM ${fixed(toMiB(peakKiB), 1)} MB (MB = MiB, from /proc/<pid>/status).`,
    '',
    '## Targets',
    '',
    ...targets,
    '',
  ].join('\n');
}
