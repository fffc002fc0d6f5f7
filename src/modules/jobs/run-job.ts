import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Backoff } from './backoff.js';
import { PermanentJobError, type Handlers } from './job-handlers.js';
import type { ClaimedJob, JobQueue } from './job-queue.js';

/** `lost`: another worker took the job over (this one's lease expired), so this run's result is not recorded. */
export type JobOutcome = 'done' | 'retry' | 'dead' | 'lost';

export interface RunJobDeps {
  queue: JobQueue;
  handlers: Handlers;
  clock: Clock;
  backoff: Backoff;
  leaseMs: number;
  log: Logger;
}

const MAX_ERROR_LENGTH = 2000;

/**
 * Runs one claimed job to an outcome and records it. Never throws for anything the job does: a bad
 * payload, an unknown type or a throwing handler end as retry or dead. Only the queue's own writes
 * can throw (the database is gone); the lease then expires and another worker runs the job again.
 */
export async function runClaimedJob(job: ClaimedJob, deps: RunJobDeps): Promise<JobOutcome> {
  const handler = deps.handlers[job.type];
  if (!handler) return bury(job, deps, `no handler for job type "${job.type}"`);
  if (job.attempt > job.maxAttempts) {
    return bury(job, deps, `attempt ${job.attempt - 1} of ${job.maxAttempts} never finished: its worker stopped and the lease expired`);
  }
  let parsed: z.ZodSafeParseResult<unknown>;
  try {
    parsed = await handler.schema.safeParseAsync(job.payload);
  } catch (error) {
    return bury(job, deps, `payload schema failed (version ${job.version}): ${describeError(error)}`, error);
  }
  if (!parsed.success) return bury(job, deps, `invalid payload (version ${job.version}): ${z.prettifyError(parsed.error)}`);

  const lease = keepLease(job, deps);
  try {
    await handler.run(parsed.data, {
      jobId: job.id,
      type: job.type,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
      version: job.version,
      idempotencyKey: job.idempotencyKey,
      signal: lease.signal,
    });
  } catch (error) {
    const message = describeError(error);
    if (error instanceof PermanentJobError || job.attempt >= job.maxAttempts) return bury(job, deps, message, error);
    const runAt = new Date(deps.clock.now().getTime() + deps.backoff(job.attempt));
    deps.log.warn({ ...fields(job), error: message, retryAt: runAt.toISOString() }, 'job failed; will retry');
    return recorded(job, deps, await deps.queue.retry(job, runAt, message), 'retry');
  } finally {
    lease.stop();
  }
  const outcome = recorded(job, deps, await deps.queue.complete(job, deps.clock.now()), 'done');
  if (outcome === 'done') deps.log.info(fields(job), 'job done');
  return outcome;
}

async function bury(job: ClaimedJob, deps: RunJobDeps, reason: string, error?: unknown): Promise<JobOutcome> {
  deps.log.error({ ...fields(job), error: reason, ...(error instanceof Error && { stack: error.stack }) }, 'job is dead');
  return recorded(job, deps, await deps.queue.bury(job, deps.clock.now(), reason), 'dead');
}

function recorded(job: ClaimedJob, deps: RunJobDeps, held: boolean, outcome: JobOutcome): JobOutcome {
  if (held) return outcome;
  deps.log.warn(fields(job), 'job lease lost before its result was recorded; another worker owns it');
  return 'lost';
}

/** Extends the lease every third of its length while the handler runs; aborts `signal` if it was lost. */
function keepLease(job: ClaimedJob, deps: RunJobDeps): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const timer = setInterval(
    () => {
      const until = new Date(deps.clock.now().getTime() + deps.leaseMs);
      deps.queue.extendLease(job, until).then(
        (held) => {
          if (held || controller.signal.aborted) return;
          controller.abort(new Error('job lease lost'));
          clearInterval(timer);
        },
        (error: unknown) => deps.log.warn({ ...fields(job), error: describeError(error) }, 'could not extend a job lease'),
      );
    },
    Math.max(1, Math.floor(deps.leaseMs / 3)),
  );
  timer.unref();
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}

function fields(job: ClaimedJob): Record<string, unknown> {
  return { jobId: job.id, type: job.type, attempt: job.attempt };
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
