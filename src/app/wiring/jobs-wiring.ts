import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { KyselyJobQueue, kyselyTx } from '../../adapters/db/repositories/jobs/job-queue-kysely.js';
import { startWorker, type EnqueueJob, type Handlers, type JobWorker } from '../../modules/jobs/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Services } from '../container.js';

export interface JobRuntimeOptions {
  /** Default 1000 ms: a scheduled story goes live within about a second of its time. */
  pollMs?: number;
  /** Default 4. */
  concurrency?: number;
  /** Default 60 s (extended while a job runs): how long a crashed worker's job waits before another worker retries it. */
  leaseMs?: number;
  workerId?: string;
  /** Default: JSON lines on stdout at the configured LOG_LEVEL; pass Fastify's `app.log` to share the server's logger. */
  log?: Logger;
  /** False: no background polling, only `worker.runOnce()`. */
  polling?: boolean;
}

/** The queue over the opened database: for processes that enqueue (web) as well as those that run jobs. */
export function createJobQueue(services: Services): KyselyJobQueue {
  return new KyselyJobQueue(services.database, services.clock);
}

/** The workers running in this process over these services, woken by `enqueueNow`. */
const localWorkers = new WeakMap<Services, Set<JobWorker>>();

/**
 * Enqueues a job on its own (no caller transaction) and wakes this process's worker, if it runs
 * one (`start` with RUN_JOBS=true), so the job starts now rather than at the next poll. Other
 * processes' workers find it at their next poll (every second by default).
 */
export function enqueueNow(services: Services): EnqueueJob {
  const queue = createJobQueue(services);
  const executor = kyselyTx(services.database.db);
  return async (job) => {
    const enqueued = await queue.enqueue(executor, job);
    for (const worker of localWorkers.get(services) ?? []) worker.wake();
    return enqueued;
  };
}

/** The queue plus a started worker running `handlers`; call `worker.stop()` before closing the services. */
export function createJobRuntime(
  services: Services,
  handlers: Handlers,
  options: JobRuntimeOptions = {},
): { queue: KyselyJobQueue; worker: JobWorker } {
  const queue = createJobQueue(services);
  const worker = startWorker({
    queue,
    handlers,
    clock: services.clock,
    pollMs: options.pollMs ?? 1000,
    concurrency: options.concurrency ?? 4,
    workerId: options.workerId ?? defaultWorkerId(),
    log: options.log ?? jsonLineLog(services.config.logLevel),
    ...(options.leaseMs !== undefined && { leaseMs: options.leaseMs }),
    ...(options.polling !== undefined && { polling: options.polling }),
  });
  const local = localWorkers.get(services) ?? new Set<JobWorker>();
  localWorkers.set(services, local.add(worker));
  const stop = worker.stop.bind(worker);
  return { queue, worker: { ...worker, stop: () => (local.delete(worker), stop()) } };
}

/** host:pid:random, so two workers never share lease ownership, even after a pid is reused. */
export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** One JSON object per line on stdout, in the same shape as the HTTP server's log (pino levels). */
export function jsonLineLog(level: string, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const threshold = LEVELS[level] ?? LEVELS.info!;
  const emit = (value: number) => (details: object, msg?: string) => {
    if (value >= threshold) write(`${JSON.stringify({ level: value, time: Date.now(), name: 'jobs', ...details, msg })}\n`);
  };
  return { info: emit(30), warn: emit(40), error: emit(50) };
}
