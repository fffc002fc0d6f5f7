/**
 * The job queue's ports. No SQL here: the Kysely adapter
 * (src/adapters/db/repositories/jobs/job-queue-kysely.ts) implements them on SQLite and PostgreSQL.
 */

declare const txBrand: unique symbol;

/**
 * A transaction (or connection) opened by a database adapter and handed through the domain
 * untouched. Enqueueing in the caller's own transaction is the outbox rule: the job exists if and
 * only if the change that asked for it committed. Only adapters make one (`kyselyTx`).
 */
export type Tx = { readonly [txBrand]: 'Tx' };

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface NewJob {
  type: string;
  /** JSON-serializable; validated by the type's handler schema when the job runs. */
  payload: unknown;
  /** Not before this time; default: now (the queue's clock). */
  runAt?: Date;
  /** One job per key: enqueueing the key again returns the existing job instead of adding one. */
  idempotencyKey?: string;
  /** Attempts before the job is dead; default 8. */
  maxAttempts?: number;
  /** Version of the payload's schema; default 1. */
  version?: number;
}

export interface Enqueued {
  id: string;
  /** False when a job with the same idempotency key already existed (whatever its status). */
  created: boolean;
}

/** What features need: add a job, or withdraw one that has not started, inside their transaction. */
export interface JobSubmitter {
  enqueue(tx: Tx, job: NewJob): Promise<Enqueued>;
  /**
   * Deletes the job with this key if it is waiting (queued, or failed and waiting for a retry),
   * which frees the key. Returns false when there is none waiting: unknown, done, dead, or running
   * right now, in which case the handler's own state check must turn the run into a no-op.
   */
  cancel(tx: Tx, idempotencyKey: string): Promise<boolean>;
}

/**
 * Enqueues a job in a statement of its own, outside any caller transaction: for a use case whose only
 * durable effect is the job itself (a mail that mints its own token when it runs, for instance).
 */
export type EnqueueJob = (job: NewJob) => Promise<Enqueued>;

/** A job a worker holds a lease on. `attempt` with `workerId` fences every later write. */
export interface ClaimedJob {
  id: string;
  type: string;
  /** Parsed JSON; `undefined` if the stored text is not JSON (the schema then rejects it). */
  payload: unknown;
  version: number;
  runAt: Date;
  /** 1 for the first attempt; counts attempts whose worker died too. */
  attempt: number;
  maxAttempts: number;
  idempotencyKey: string | null;
  workerId: string;
  leaseUntil: Date;
}

export interface ClaimRequest {
  workerId: string;
  /** Only job types this worker has handlers for; others wait for a worker that knows them. */
  types: readonly string[];
  limit: number;
  now: Date;
  leaseUntil: Date;
}

export interface JobRecord {
  id: string;
  type: string;
  payload: string;
  version: number;
  runAt: Date;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * The worker's side. Every method after `claim` succeeds only while the caller still holds the
 * lease it claimed (same worker, same attempt); false means another worker took the job over.
 */
export interface JobQueue extends JobSubmitter {
  /** Atomically leases up to `limit` due jobs: waiting ones whose time has come, and running ones whose lease expired. */
  claim(request: ClaimRequest): Promise<ClaimedJob[]>;
  extendLease(job: ClaimedJob, until: Date): Promise<boolean>;
  complete(job: ClaimedJob, at: Date): Promise<boolean>;
  /** Back to waiting (status failed) until `runAt`, recording the error. */
  retry(job: ClaimedJob, runAt: Date, error: string): Promise<boolean>;
  /** Gives up: status dead, with the reason. */
  bury(job: ClaimedJob, at: Date, error: string): Promise<boolean>;
  find(id: string): Promise<JobRecord | undefined>;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
