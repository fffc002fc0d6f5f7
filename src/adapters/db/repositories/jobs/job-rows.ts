import type { Selectable } from 'kysely';
import type { ClaimedJob, JobRecord } from '../../../../modules/jobs/index.js';
import type { JobsTable } from '../../schema-jobs.js';

export type JobRow = Selectable<JobsTable>;

const date = (text: string) => new Date(text);
const maybeDate = (text: string | null) => (text === null ? null : new Date(text));

/** Parsed payload, or `undefined` when the stored text is not JSON: the handler's schema then buries the job. */
function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function toClaimedJob(row: JobRow, workerId: string): ClaimedJob {
  return {
    id: row.id,
    type: row.type,
    payload: parsePayload(row.payload),
    version: row.payload_version,
    runAt: date(row.run_at),
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
    idempotencyKey: row.idempotency_key,
    workerId,
    leaseUntil: date(row.locked_until ?? row.run_at),
  };
}

export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    type: row.type,
    payload: row.payload,
    version: row.payload_version,
    runAt: date(row.run_at),
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lockedBy: row.locked_by,
    lockedUntil: maybeDate(row.locked_until),
    lastError: row.last_error,
    idempotencyKey: row.idempotency_key,
    createdAt: date(row.created_at),
    finishedAt: maybeDate(row.finished_at),
  };
}
