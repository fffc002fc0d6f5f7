/**
 * Tables created by migration 0003-jobs: the durable job queue (src/modules/jobs/README.md).
 * Timestamps are ISO-8601 UTC text, so text order is time order (docs/adr/0002).
 */
export type JobStatusColumn = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface JobsTable {
  id: string;
  type: string;
  /** JSON text; validated by the job type's schema when the job runs. */
  payload: string;
  /** Version of the payload's schema, as declared by the code that enqueued it. */
  payload_version: number;
  /** Earliest time the job may run (for a `failed` job: when the next attempt is due). */
  run_at: string;
  status: JobStatusColumn;
  /** Attempts started so far, including one now running; also the fencing token of a lease. */
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  /** End of the running attempt's lease; once past, another worker may claim the job again. */
  locked_until: string | null;
  last_error: string | null;
  /** Unique when present: enqueueing the same key again returns the existing job. */
  idempotency_key: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobTables {
  jobs: JobsTable;
}
