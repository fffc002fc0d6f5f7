import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import type { Handlers } from './job-handlers.js';
import type { ClaimedJob, JobQueue } from './job-queue.js';
import { describeError, runClaimedJob, type JobOutcome, type RunJobDeps } from './run-job.js';

export interface WorkerOptions {
  queue: JobQueue;
  handlers: Handlers;
  clock: Clock;
  /** Pause between polls when nothing is due. */
  pollMs: number;
  /** Jobs run at the same time by this worker. */
  concurrency: number;
  /** Unique per worker (host, pid, random): it marks the leases this worker holds. */
  workerId: string;
  log: Logger;
  /** How long a claim is held without news from the worker; extended every third of it while the job runs. Default 60 s. */
  leaseMs?: number;
  /** Default: exponentialBackoff() (15 s doubling, capped at 1 h). */
  backoff?: Backoff;
  /** False: no background polling; only `runOnce` runs jobs (tests, one-shot commands). Default true. */
  polling?: boolean;
}

export interface JobWorker {
  /** Claims and runs due jobs, batch after batch, until none is due; resolves with how many ran. */
  runOnce(): Promise<number>;
  /**
   * A job was just enqueued in this process: claim now instead of at the next poll (a no-op when
   * every slot is busy; the freed slot claims it). Lets a slow poll still deliver a mail at once.
   */
  wake(): void;
  /** Stops claiming, then waits for the jobs already running to finish and record their result. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 60_000;

/** Starts a worker over the queue: polls for due jobs and runs them with their handlers. */
export function startWorker(options: WorkerOptions): JobWorker {
  const { queue, handlers, clock, pollMs, concurrency, workerId, log } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a whole number of at least 1');
  if (options.polling !== false && !(pollMs > 0)) throw new RangeError('pollMs must be above 0 when polling');
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const deps: RunJobDeps = { queue, handlers, clock, log, leaseMs, backoff: options.backoff ?? exponentialBackoff() };
  const types = Object.keys(handlers);
  const active = new Set<Promise<JobOutcome>>();
  let stopping = false;
  let claiming: Promise<unknown> = Promise.resolve();
  let wake: (() => void) | null = null;
  /** Set by `wake()` while a claim is under way, so the next pause does not wait for the poll. */
  let nudged = false;

  /** Claims as many due jobs as there are free slots and starts them. Claims run one at a time, so slots are never oversubscribed. */
  function claimAndStart(): Promise<Promise<JobOutcome>[]> {
    const next = claiming.then(async () => {
      const free = concurrency - active.size;
      if (stopping || free <= 0 || types.length === 0) return [];
      const now = clock.now();
      const jobs = await queue.claim({ workerId, types, limit: free, now, leaseUntil: new Date(now.getTime() + leaseMs) });
      return jobs.map(start);
    });
    claiming = next.catch(() => undefined);
    return next;
  }

  function start(job: ClaimedJob): Promise<JobOutcome> {
    const running: Promise<JobOutcome> = runClaimedJob(job, deps)
      .catch((error: unknown) => {
        // The result could not be written; the lease will expire and the job run again.
        log.error({ jobId: job.id, type: job.type, error: describeError(error) }, 'could not record a job result');
        return 'lost' as const;
      })
      .finally(() => {
        active.delete(running);
        wake?.();
      });
    active.add(running);
    return running;
  }

  /** Resolves after `ms`, or sooner when a job finishes or the worker stops. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (nudged && Number.isFinite(ms)) {
        nudged = false;
        return resolve();
      }
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      nudged = false;
      try {
        // oxlint-disable-next-line typescript/no-floating-promises -- the started jobs run detached: `active` holds them, `pause` wakes when one ends, and `start` turns a failure into 'lost', so none rejects unheard
        await claimAndStart();
      } catch (error) {
        log.error({ workerId, error: describeError(error) }, 'could not claim jobs');
      }
      if (!stopping) await pause(active.size >= concurrency ? Number.POSITIVE_INFINITY : pollMs);
    }
  }

  const polling = options.polling === false ? Promise.resolve() : poll();
  let stopped: Promise<void> | null = null;

  return {
    async runOnce() {
      let ran = 0;
      for (;;) {
        const started = await claimAndStart();
        if (started.length === 0) return ran;
        await Promise.all(started);
        ran += started.length;
      }
    },
    wake() {
      if (stopping || options.polling === false) return;
      nudged = true;
      wake?.();
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        wake?.();
        await polling;
        await claiming;
        await Promise.allSettled(active);
      })();
      return stopped;
    },
  };
}
