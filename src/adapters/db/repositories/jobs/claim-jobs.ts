import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ClaimRequest } from '../../../../modules/jobs/index.js';
import type { Dialect } from '../../connect.js';
import type { DB } from '../../schema.js';
import type { JobRow } from './job-rows.js';

/**
 * Due: waiting jobs whose time has come, and running jobs whose lease expired (their worker died or
 * stalled). Timestamps are fixed-width ISO text, so text comparison is time comparison.
 */
function due(request: ClaimRequest) {
  const now = request.now.toISOString();
  return (eb: ExpressionBuilder<DB, 'jobs'>) =>
    eb.and([
      eb('type', 'in', [...request.types]),
      eb.or([
        eb.and([eb('status', 'in', ['queued', 'failed']), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
      ]),
    ]);
}

function leaseFor(request: ClaimRequest) {
  return (eb: ExpressionBuilder<DB, 'jobs'>) => ({
    status: 'running' as const,
    locked_by: request.workerId,
    locked_until: request.leaseUntil.toISOString(),
    attempts: eb('attempts', '+', 1),
  });
}

/**
 * PostgreSQL: lock due rows with FOR UPDATE SKIP LOCKED, so concurrent claimers each take
 * different rows without waiting, then lease them in the same transaction.
 */
async function claimPostgres(db: Kysely<DB>, request: ClaimRequest): Promise<JobRow[]> {
  return db.transaction().execute(async (trx) => {
    const picked = await trx
      .selectFrom('jobs')
      .select('id')
      .where(due(request))
      .orderBy('run_at')
      .orderBy('id')
      .limit(request.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (picked.length === 0) return [];
    return trx
      .updateTable('jobs')
      .set(leaseFor(request))
      .where(
        'id',
        'in',
        picked.map((p) => p.id),
      )
      .returningAll()
      .execute();
  });
}

/**
 * SQLite: one UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING * statement. An UPDATE takes
 * the database's single write lock before it reads (waiting up to the busy timeout), so no other
 * connection or process can claim between the choice of rows and their lease.
 */
async function claimSqlite(db: Kysely<DB>, request: ClaimRequest): Promise<JobRow[]> {
  return db
    .updateTable('jobs')
    .set(leaseFor(request))
    .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where(due(request)).orderBy('run_at').orderBy('id').limit(request.limit))
    .returningAll()
    .execute();
}

/** The one place the queue differs by dialect. */
const claimers: Record<Dialect, (db: Kysely<DB>, request: ClaimRequest) => Promise<JobRow[]>> = {
  postgres: claimPostgres,
  sqlite: claimSqlite,
};

/** Leases up to `request.limit` due jobs to `request.workerId`; rows come back in due order. */
export async function claimDueJobs(db: Kysely<DB>, dialect: Dialect, request: ClaimRequest): Promise<JobRow[]> {
  if (request.limit < 1 || request.types.length === 0) return [];
  const rows = await claimers[dialect](db, request);
  return rows.sort((a, b) => (a.run_at === b.run_at ? (a.id < b.id ? -1 : 1) : a.run_at < b.run_at ? -1 : 1));
}
