import type { Kysely } from 'kysely';
import {
  DEFAULT_MAX_ATTEMPTS,
  type ClaimedJob,
  type ClaimRequest,
  type Enqueued,
  type JobQueue,
  type JobRecord,
  type NewJob,
  type Tx,
} from '../../../../modules/jobs/index.js';
import type { Clock } from '../../../../shared/clock.js';
import { invalidInput } from '../../../../shared/errors.js';
import { newId } from '../../../../shared/ids.js';
import type { Database } from '../../connect.js';
import type { DB } from '../../schema.js';
import type { JobsTable } from '../../schema-jobs.js';
import { claimDueJobs } from './claim-jobs.js';
import { toClaimedJob, toJobRecord } from './job-rows.js';

/** Wraps a Kysely transaction (or the database itself, for no transaction) as the domain's opaque `Tx`. */
export function kyselyTx(executor: Kysely<DB>): Tx {
  return executor as unknown as Tx;
}

function executorOf(tx: Tx): Kysely<DB> {
  return tx as unknown as Kysely<DB>;
}

/**
 * The job queue on SQLite and PostgreSQL. Adapters that already hold a Kysely transaction call
 * `enqueueIn`/`cancelIn`; the domain calls `enqueue`/`cancel` with the `Tx` it was handed.
 */
export class KyselyJobQueue implements JobQueue {
  private readonly db: Kysely<DB>;

  constructor(
    private readonly database: Pick<Database, 'db' | 'dialect'>,
    private readonly clock: Clock,
  ) {
    this.db = database.db;
  }

  enqueue(tx: Tx, job: NewJob): Promise<Enqueued> {
    return this.enqueueIn(executorOf(tx), job);
  }

  cancel(tx: Tx, idempotencyKey: string): Promise<boolean> {
    return this.cancelIn(executorOf(tx), idempotencyKey);
  }

  /** Adds the job in `executor`'s transaction; with a key already taken, returns that job instead. */
  async enqueueIn(executor: Kysely<DB>, job: NewJob): Promise<Enqueued> {
    const now = this.clock.now();
    const row = toNewRow(job, newId(now.getTime()), now);
    if (row.idempotency_key === null) {
      await executor.insertInto('jobs').values(row).execute();
      return { id: row.id, created: true };
    }
    // A concurrent cancel can delete the job that held the key between our two statements: try again.
    for (let tries = 0; tries < 3; tries++) {
      const inserted = await executor
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { id: inserted.id, created: true };
      const existing = await executor.selectFrom('jobs').select('id').where('idempotency_key', '=', row.idempotency_key).executeTakeFirst();
      if (existing) return { id: existing.id, created: false };
    }
    throw new Error(`Could not enqueue job with key "${row.idempotency_key}": the key keeps changing hands`);
  }

  /** Deletes the waiting job with this key in `executor`'s transaction; see `JobSubmitter.cancel`. */
  async cancelIn(executor: Kysely<DB>, idempotencyKey: string): Promise<boolean> {
    const result = await executor
      .deleteFrom('jobs')
      .where('idempotency_key', '=', idempotencyKey)
      .where('status', 'in', ['queued', 'failed'])
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async claim(request: ClaimRequest): Promise<ClaimedJob[]> {
    const rows = await claimDueJobs(this.db, this.database.dialect, request);
    return rows.map((row) => toClaimedJob(row, request.workerId));
  }

  extendLease(job: ClaimedJob, until: Date): Promise<boolean> {
    return this.whileLeased(job, { locked_until: until.toISOString() });
  }

  complete(job: ClaimedJob, at: Date): Promise<boolean> {
    return this.whileLeased(job, { status: 'done', finished_at: at.toISOString(), locked_by: null, locked_until: null });
  }

  retry(job: ClaimedJob, runAt: Date, error: string): Promise<boolean> {
    return this.whileLeased(job, { status: 'failed', run_at: runAt.toISOString(), last_error: error, locked_by: null, locked_until: null });
  }

  bury(job: ClaimedJob, at: Date, error: string): Promise<boolean> {
    return this.whileLeased(job, { status: 'dead', finished_at: at.toISOString(), last_error: error, locked_by: null, locked_until: null });
  }

  async find(id: string): Promise<JobRecord | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toJobRecord(row);
  }

  /** Deletes jobs that finished successfully before `before` (dead ones stay for an operator); returns how many. */
  async pruneDone(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Writes only while the job is still this claim's: same worker and same attempt (the fencing token). */
  private async whileLeased(job: ClaimedJob, changes: Partial<JobsTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set(changes)
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', job.workerId)
      .where('attempts', '=', job.attempt)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function toNewRow(job: NewJob, id: string, now: Date): JobsTable {
  if (typeof job.type !== 'string' || job.type.length === 0) throw invalidInput('A job needs a type');
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const version = job.version ?? 1;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw invalidInput('maxAttempts must be a whole number of at least 1', { type: job.type });
  if (!Number.isInteger(version) || version < 1) throw invalidInput('version must be a whole number of at least 1', { type: job.type });
  if (job.idempotencyKey !== undefined && job.idempotencyKey.length === 0)
    throw invalidInput('An idempotency key cannot be empty', { type: job.type });
  const runAt = job.runAt ?? now;
  if (Number.isNaN(runAt.getTime())) throw invalidInput('runAt is not a valid time', { type: job.type });
  const payload = JSON.stringify(job.payload) as string | undefined;
  if (payload === undefined) throw invalidInput('A job payload must be JSON', { type: job.type });
  return {
    id,
    type: job.type,
    payload,
    payload_version: version,
    run_at: runAt.toISOString(),
    status: 'queued',
    attempts: 0,
    max_attempts: maxAttempts,
    locked_by: null,
    locked_until: null,
    last_error: null,
    idempotency_key: job.idempotencyKey ?? null,
    created_at: now.toISOString(),
    finished_at: null,
  };
}
