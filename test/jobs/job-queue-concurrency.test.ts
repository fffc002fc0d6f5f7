import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../src/adapters/db/connect.js';
import { KyselyJobQueue } from '../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { defineJob, jobHandler } from '../../src/modules/jobs/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { manualWorker, openMigrated, T0 } from './job-test-kit.js';

const work = defineJob('race-item', z.object({ n: z.number().int() }));
const JOBS = 200;

describe.each(DIALECTS)('several workers racing over one queue (%s)', (dialect) => {
  // PostgreSQL: 4 workers, each with its own pool; SQLite: 2 connections to the same file.
  const WORKERS = dialect === 'postgres' ? 4 : 2;
  let testDb: TestDatabase;
  let databases: Database[];

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    databases = [];
    for (let i = 0; i < WORKERS; i++) databases.push(await openMigrated(testDb));
  });
  afterEach(async () => {
    for (const database of databases ?? []) await database.close();
    await testDb?.drop();
  });

  it(`runs each of ${JOBS} due jobs exactly once`, async () => {
    const clock = fixedClock(T0);
    const seed = new KyselyJobQueue(databases[0]!, clock);
    await databases[0]!.db.transaction().execute(async (trx) => {
      for (let n = 0; n < JOBS; n++) await seed.enqueueIn(trx, work.create({ n }));
    });

    const executions = new Map<string, number>();
    const byWorker = new Map<number, number>();
    const workers = databases.map((database, w) => {
      const queue = new KyselyJobQueue(database, clock);
      const handlers = {
        [work.type]: jobHandler(work.schema, async (_p, ctx) => {
          executions.set(ctx.jobId, (executions.get(ctx.jobId) ?? 0) + 1);
          byWorker.set(w, (byWorker.get(w) ?? 0) + 1);
          await sleep(Math.random() * 3);
        }),
      };
      return manualWorker({ queue, clock }, handlers, { concurrency: 4, workerId: `racer-${w}` });
    });

    const ran = await Promise.all(workers.map((worker) => worker.runOnce()));

    expect(ran.reduce((a, b) => a + b, 0)).toBe(JOBS);
    expect(executions.size).toBe(JOBS);
    expect([...executions.values()].every((count) => count === 1)).toBe(true);
    expect(byWorker.size).toBeGreaterThan(1);
    const statuses = await databases[0]!.db.selectFrom('jobs').select(['status', 'attempts']).execute();
    expect(statuses.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });
});
