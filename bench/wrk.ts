/**
 * Runs wrk against one URL and parses its report (`--latency` adds the percentile lines).
 */
import { runCommand, tail } from './processes.js';

export interface LoadOptions {
  seconds: number;
  connections: number;
  threads: number;
}

export interface WrkResult {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses outside 2xx/3xx ("Non-2xx or 3xx responses"). */
  non2xx3xx: number;
  /** connect + read + write + timeout socket errors. */
  socketErrors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** wrk's durations ("812.00us", "1.23ms", "2.00s", "1.00m") in milliseconds. */
export function parseDurationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  const scale = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  if (match?.[1] === undefined || scale === undefined) throw new Error(`unrecognised wrk duration "${text}"`);
  return Number(match[1]) * scale;
}

function required(output: string, pattern: RegExp, what: string): string {
  const value = pattern.exec(output)?.[1];
  if (value === undefined) throw new Error(`wrk output has no ${what}:\n${tail(output)}`);
  return value;
}

export function parseWrkOutput(output: string): WrkResult {
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: Number(required(output, /^\s*(\d+) requests in /m, 'request count')),
    requestsPerSec: Number(required(output, /^Requests\/sec:\s*([\d.]+)/m, 'Requests/sec')),
    p50Ms: parseDurationMs(required(output, /^\s*50(?:\.0+)?%\s+(\S+)/m, '50% latency')),
    p99Ms: parseDurationMs(required(output, /^\s*99(?:\.0+)?%\s+(\S+)/m, '99% latency')),
    non2xx3xx: Number(/Non-2xx or 3xx responses:\s*(\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socket === null ? 0 : socket.slice(1).reduce((sum, n) => sum + Number(n), 0),
  };
}

function wrkArgs(url: string, options: LoadOptions): string[] {
  return [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--latency', url];
}

/** One wrk run; fails if wrk does not finish (with a margin) or prints no report. */
export async function runWrk(url: string, options: LoadOptions): Promise<WrkResult> {
  const result = await runCommand('wrk', wrkArgs(url, options), { timeoutMs: (options.seconds + 30) * 1_000 });
  if (result.timedOut) throw new Error(`wrk against ${url} did not finish`);
  if (result.code !== 0)
    throw new Error(`wrk against ${url} exited with ${result.code ?? result.signal}:\n${tail(result.stderr + result.stdout)}`);
  return parseWrkOutput(result.stdout);
}

export function wrkCommandLine(options: LoadOptions): string {
  return ['wrk', ...wrkArgs('URL', options)].join(' ');
}
