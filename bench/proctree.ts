/**
 * A process and its descendants, read from /proc (Linux only): used to find the web workers a
 * clustered server forked, to sum their memory and to make sure none outlives the server.
 *
 * /proc/<pid>/task/<pid>/children needs a kernel built with CONFIG_PROC_CHILDREN and lists only the
 * children of that one thread, so we scan /proc/<pid>/stat of every process for its parent instead.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A process as of one look at /proc. `startTime` (clock ticks after boot) tells a reused pid apart. */
export interface ProcessId {
  pid: number;
  startTime: number;
}

interface ProcStat extends ProcessId {
  ppid: number;
  pgrp: number;
  state: string;
}

/** Parses /proc/<pid>/stat. The command name (field 2) may hold spaces and parentheses. */
export function parseProcStat(pid: number, text: string): ProcStat {
  const close = text.lastIndexOf(')');
  // After the name: state(3) ppid(4) pgrp(5) ... starttime(22), so index 0 here is field 3.
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const state = fields[0];
  const ppid = Number(fields[1]);
  const pgrp = Number(fields[2]);
  const startTime = Number(fields[19]);
  if (close < 0 || state === undefined || ![ppid, pgrp, startTime].every(Number.isInteger)) {
    throw new Error(`unrecognised /proc/${pid}/stat: ${text.slice(0, 200)}`);
  }
  return { pid, ppid, pgrp, state, startTime };
}

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // Gone (or never there).
  }
}

function allProcesses(): ProcStat[] {
  const found: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat !== undefined) found.push(stat);
  }
  return found;
}

/** Live (not zombie) descendants of `pid`, children before grandchildren, each with its parent. */
export function descendants(pid: number): (ProcessId & { ppid: number })[] {
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of allProcesses()) {
    if (stat.state === 'Z' || stat.state === 'X') continue;
    const siblings = byParent.get(stat.ppid) ?? [];
    siblings.push(stat);
    byParent.set(stat.ppid, siblings);
  }
  const found: ProcStat[] = [];
  const queue = [pid];
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const child of byParent.get(parent) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found.map(({ pid: p, ppid, startTime }) => ({ pid: p, ppid, startTime }));
}

/**
 * Live members of process group `pgid` (the benchmark starts each server in a group of its own, so
 * this finds workers even after their parent has exited and they were re-parented).
 */
export function processGroup(pgid: number): ProcessId[] {
  return allProcesses()
    .filter((stat) => stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X')
    .map(({ pid, startTime }) => ({ pid, startTime }));
}

/** The process itself, as a ProcessId, or undefined if it is gone. */
export function processId(pid: number): ProcessId | undefined {
  const stat = readStat(pid);
  return stat === undefined ? undefined : { pid, startTime: stat.startTime };
}

/** Still running: same pid, same start time, and not a zombie waiting to be reaped. */
export function isRunning(process: ProcessId): boolean {
  const stat = readStat(process.pid);
  return stat !== undefined && stat.startTime === process.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until none of `processes` is running, or `timeoutMs` passes; returns those still running. */
export async function waitUntilGone(processes: ProcessId[], timeoutMs: number): Promise<ProcessId[]> {
  const deadline = Date.now() + timeoutMs;
  let running = processes.filter(isRunning);
  while (running.length > 0 && Date.now() < deadline) {
    await sleep(100);
    running = running.filter(isRunning);
  }
  return running;
}

/** SIGKILLs each of `processes` that is still the process we saw. */
export function killAll(processes: ProcessId[]): void {
  for (const p of processes) {
    if (!isRunning(p)) continue;
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // Exited in between.
    }
  }
}
