import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openServices, type Services } from '../../src/app/container.js';
import { createJobRuntime } from '../../src/app/wiring/jobs-wiring.js';
import { kyselyTx } from '../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { jobHandler } from '../../src/modules/jobs/index.js';
import { silentLogger } from '../support/silent-logger.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { testSiteConfig } from '../support/test-site.js';

/**
 * `start` runs the jobs in the web process (RUN_JOBS=true). A job enqueued there (a sign-in mail)
 * must start at once, not at the worker's next poll: here the poll is an hour apart.
 */
describe.each(DIALECTS)('the in-process worker wakes on enqueue (%s)', (dialect) => {
  let testDb: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    services = await openServices(testSiteConfig(testDb));
  });
  afterAll(async () => {
    await services?.close();
    await testDb?.drop();
  });

  it('runs a job enqueued through services.jobs.enqueue without waiting for the next poll', async () => {
    const ran: number[] = [];
    const handlers = { ping: jobHandler(z.object({ n: z.number() }), async ({ n }) => void ran.push(n)) };
    // Due before the worker starts: its first poll runs it, then it sleeps for an hour.
    await services.jobs.queue.enqueue(kyselyTx(services.database.db), { type: 'ping', payload: { n: 1 } });
    const { worker } = createJobRuntime(services, handlers, { pollMs: 60 * 60_000, log: silentLogger });
    try {
      await vi.waitFor(() => expect(ran).toEqual([1]));
      await services.jobs.enqueue({ type: 'ping', payload: { n: 2 } });
      await vi.waitFor(() => expect(ran).toEqual([1, 2]));
      const rows = await services.database.db.selectFrom('jobs').select(['status']).execute();
      expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
    } finally {
      await worker.stop();
    }
    // A stopped worker is no longer woken: the job waits in the queue for the next worker.
    await services.jobs.enqueue({ type: 'ping', payload: { n: 3 } });
    expect(ran).toEqual([1, 2]);
  });
});
