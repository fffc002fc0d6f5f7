import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { kyselyTx, type KyselyJobQueue } from '../../adapters/db/repositories/jobs/job-queue-kysely.js';
import { startWorker, type EnqueueJob, type Handlers, type JobWorker } from '../../modules/jobs/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Database } from '../../adapters/db/connect.js';
import type { Services } from '../services.js';

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

/**
 * Enqueues a job on its own (no caller transaction) and wakes the workers in this process: built
 * once by `openServices` as `services.jobs.enqueue`.
 */
export function enqueueNow(queue: KyselyJobQueue, database: Database, localWorkers: ReadonlySet<JobWorker>): EnqueueJob {
  const executor = kyselyTx(database.db);
  return async (job) => {
    const enqueued = await queue.enqueue(executor, job);
    for (const worker of localWorkers) worker.wake();
    return enqueued;
  };
}

/** A worker running `handlers` over the services' queue, woken by `services.jobs.enqueue`; call `worker.stop()` before closing the services. */
export function createJobRuntime(
  services: Services,
  handlers: Handlers,
  options: JobRuntimeOptions = {},
): { queue: KyselyJobQueue; worker: JobWorker } {
  const { queue, localWorkers } = services.jobs;
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
  localWorkers.add(worker);
  const stop = worker.stop.bind(worker);
  return { queue, worker: { ...worker, stop: () => (localWorkers.delete(worker), stop()) } };
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
