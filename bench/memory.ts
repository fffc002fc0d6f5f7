/**
 * A process's memory as the kernel accounts it, from /proc/<pid>/status (Linux only).
 */
import { readFileSync } from 'node:fs';

export interface MemoryUsage {
  /** Resident set size now (VmRSS), in KiB. */
  rssKiB: number;
  /** Peak resident set size (VmHWM), in KiB. */
  peakKiB: number;
}

function field(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s*(\\d+) kB$`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`/proc status has no ${name}`);
  return Number(match[1]);
}

export function parseProcStatus(status: string): MemoryUsage {
  return { rssKiB: field(status, 'VmRSS'), peakKiB: field(status, 'VmHWM') };
}

export function readMemory(pid: number): MemoryUsage {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

export const toMiB = (kib: number) => kib / 1024;

/** One process of the server: the only process, or a cluster's primary or one of its workers. */
export interface ProcessMemory extends MemoryUsage {
  pid: number;
  role: 'server' | 'primary' | 'worker';
}

/** Reads several processes' memory; fails if one of them has gone. */
export function readProcessMemory(processes: { pid: number; role: ProcessMemory['role'] }[]): ProcessMemory[] {
  return processes.map(({ pid, role }) => ({ pid, role, ...readMemory(pid) }));
}
