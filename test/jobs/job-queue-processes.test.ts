import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/adapters/db/connect.js';
import { KyselyJobQueue } from '../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { openMigrated, T0 } from './job-test-kit.js';

const CHILD = fileURLToPath(new URL('./support/race-child.ts', import.meta.url));
const PROCESSES = 3;
const JOBS = 200;

/** Starts a worker process and resolves once it is connected and waiting for "go". */
async function spawnWorker(testDb: TestDatabase, workerId: string): Promise<{ child: ChildProcess; output: Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(testDb.config), workerId, T0.toISOString()], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker ${workerId} exited early (${code})`)));
  });
  await ready;
  const output = once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`worker ${workerId} exited with ${code}`);
    return out;
  });
  return { child, output };
}

describe.each(DIALECTS)('worker processes racing over one queue (%s)', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    database = await openMigrated(testDb);
    await (database.db as unknown as Kysely<any>).schema
      .createTable('race_runs')
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('worker', 'text', (c) => c.notNull())
      .execute();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await database?.close();
    await testDb?.drop();
  });

  it(`${PROCESSES} processes run each of ${JOBS} jobs exactly once`, { timeout: 60_000 }, async () => {
    const queue = new KyselyJobQueue(database, fixedClock(T0));
    await database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < JOBS; n++) await queue.enqueueIn(trx, { type: 'race-item', payload: { n } });
    });
    const workers = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => spawnWorker(testDb, `process-${i}`)));
    children.push(...workers.map((w) => w.child));
    for (const w of workers) w.child.stdin!.end('go\n');
    const outputs = await Promise.all(workers.map((w) => w.output));

    const perProcess = outputs.map((o) => Number(/ran (\d+)/.exec(o)?.[1]));
    expect(perProcess.reduce((a, b) => a + b, 0)).toBe(JOBS);
    expect(perProcess.filter((n) => n > 0).length).toBeGreaterThan(1);
    const { rows } = await sql<{ job_id: string; runs: number | string }>`
      select job_id, count(*) as runs from race_runs group by job_id`.execute(database.db);
    expect(rows).toHaveLength(JOBS);
    expect(rows.every((r) => Number(r.runs) === 1)).toBe(true);
    const done = await database.db.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
    expect(done).toHaveLength(JOBS);
  });
});
