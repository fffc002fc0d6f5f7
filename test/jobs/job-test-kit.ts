import { sql, type Kysely } from 'kysely';
import { connectDatabase, type Database } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { KyselyJobQueue } from '../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { startWorker, type Handlers, type JobWorker, type WorkerOptions } from '../../src/modules/jobs/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { Logger } from '../../src/shared/logger.js';
import type { TestDatabase } from '../support/databases.js';

export const T0 = new Date('2026-12-01T09:00:00.000Z');
export const at = (ms: number) => new Date(T0.getTime() + ms);

export type FixedClock = ReturnType<typeof fixedClock>;

/** Records what the worker logs, so a test can assert on it without printing. */
export function recordingLog(): Logger & { lines: { level: string; message: string | undefined; details: object }[] } {
  const lines: { level: string; message: string | undefined; details: object }[] = [];
  const push = (level: string) => (details: object, message?: string) => void lines.push({ level, message, details });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** Connects to the test database (a new connection or pool each call) and migrates it. */
export async function openMigrated(testDb: TestDatabase): Promise<Database> {
  const database = await connectDatabase(testDb.config);
  await migrateToLatest(database.db);
  return database;
}

export interface QueueKit {
  database: Database;
  queue: KyselyJobQueue;
  clock: FixedClock;
}

export async function openQueue(testDb: TestDatabase, clock: FixedClock = fixedClock(T0)): Promise<QueueKit> {
  const database = await openMigrated(testDb);
  return { database, queue: new KyselyJobQueue(database, clock), clock };
}

/** A worker without background polling: the test decides when it runs, with `runOnce`. */
export function manualWorker(kit: Pick<QueueKit, 'queue' | 'clock'>, handlers: Handlers, options: Partial<WorkerOptions> = {}): JobWorker {
  return startWorker({
    queue: kit.queue,
    handlers,
    clock: kit.clock,
    pollMs: 10,
    concurrency: 4,
    workerId: `test-worker-${Math.random().toString(36).slice(2, 8)}`,
    log: recordingLog(),
    polling: false,
    ...options,
  });
}

/** A table a test handler writes its effect into; the unique key is the handler's idempotency guard. */
export async function createEffectsTable(database: Database): Promise<void> {
  await (database.db as unknown as Kysely<any>).schema
    .createTable('test_effects')
    .addColumn('effect_key', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .execute();
}

/** Records the effect once per key, whatever the number of runs (insert ... on conflict do nothing). */
export async function recordEffect(database: Database, effectKey: string, jobId: string): Promise<void> {
  await sql`insert into test_effects (effect_key, job_id) values (${effectKey}, ${jobId}) on conflict (effect_key) do nothing`.execute(
    database.db,
  );
}

export async function countEffects(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from test_effects`.execute(database.db);
  return Number(rows[0]?.n ?? 0);
}

export async function countJobs(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A promise with its resolver outside, to hold a handler mid-run. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
