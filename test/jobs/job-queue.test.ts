import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kyselyTx } from '../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { defineJob, exponentialBackoff, jobHandler, PermanentJobError, type Handlers } from '../../src/modules/jobs/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { at, countJobs, gate, manualWorker, openQueue, T0, type QueueKit } from './job-test-kit.js';

const publish = defineJob('publish-story', z.object({ storyId: z.string().min(1) }));

describe('job definitions', () => {
  it('refuse a bad payload at enqueue time, so the caller fails rather than the worker later', () => {
    expect(() => publish.create({ storyId: '' })).toThrow(/Invalid publish-story job payload/);
    expect(publish.create({ storyId: 's' }, { maxAttempts: 2 })).toEqual({
      type: 'publish-story',
      payload: { storyId: 's' },
      version: 1,
      maxAttempts: 2,
    });
  });
});

describe.each(DIALECTS)('job queue (%s)', (dialect) => {
  let testDb: TestDatabase;
  let kit: QueueKit;
  let ran: string[];
  let handlers: Handlers;

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    kit = await openQueue(testDb);
    ran = [];
    handlers = { [publish.type]: jobHandler(publish.schema, async (p) => void ran.push(p.storyId)) };
  });
  afterEach(async () => {
    await kit?.database.close();
    await testDb?.drop();
  });

  it('enqueues inside the caller’s transaction: a rollback leaves no job, a commit keeps it', async () => {
    await expect(
      kit.database.db.transaction().execute(async (trx) => {
        await kit.queue.enqueueIn(trx, publish.create({ storyId: 'a' }));
        await kit.queue.enqueue(kyselyTx(trx), publish.create({ storyId: 'b' }));
        throw new Error('the story update failed');
      }),
    ).rejects.toThrow('the story update failed');
    expect(await countJobs(kit.database)).toBe(0);

    await kit.database.db.transaction().execute(async (trx) => {
      await kit.queue.enqueue(kyselyTx(trx), publish.create({ storyId: 'c' }));
    });
    expect(await manualWorker(kit, handlers).runOnce()).toBe(1);
    expect(ran).toEqual(['c']);
  });

  it('does not run a job before its time, and runs it once it is due', async () => {
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's1' }, { runAt: at(60_000) }));
    const worker = manualWorker(kit, handlers);
    expect(await worker.runOnce()).toBe(0);
    kit.clock.set(at(59_999));
    expect(await worker.runOnce()).toBe(0);
    kit.clock.set(at(60_000));
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(ran).toEqual(['s1']);
    const job = await kit.queue.find(id);
    expect(job).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, finishedAt: at(60_000) });
  });

  it('survives a restart: a job queued before the database closed runs from a new connection and worker', async () => {
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's2' }, { runAt: at(5_000) }));
    await kit.database.close();

    kit = await openQueue(testDb, fixedClock(at(10_000)));
    expect(await manualWorker(kit, handlers).runOnce()).toBe(1);
    expect(ran).toEqual(['s2']);
    expect((await kit.queue.find(id))?.status).toBe('done');
  });

  it('retries a failing job with exponential backoff, then marks it dead with the last error', async () => {
    let calls = 0;
    const failing: Handlers = {
      [publish.type]: jobHandler(publish.schema, async () => {
        calls += 1;
        throw new Error(`upstream unavailable (${calls})`);
      }),
    };
    const worker = manualWorker(kit, failing, { backoff: exponentialBackoff(1_000, 60_000) });
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's3' }, { maxAttempts: 3 }));

    expect(await worker.runOnce()).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      runAt: at(1_000),
      lastError: 'Error: upstream unavailable (1)',
    });
    kit.clock.set(at(999));
    expect(await worker.runOnce()).toBe(0);
    kit.clock.set(at(1_000));
    expect(await worker.runOnce()).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({ status: 'failed', attempts: 2, runAt: at(3_000) });
    kit.clock.set(at(3_000));
    expect(await worker.runOnce()).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'Error: upstream unavailable (3)',
      finishedAt: at(3_000),
    });
    kit.clock.set(at(3_600_000));
    expect(await worker.runOnce()).toBe(0);
    expect(calls).toBe(3);
  });

  it('marks a job dead at once when the handler says retrying cannot help', async () => {
    const refusing: Handlers = {
      [publish.type]: jobHandler(publish.schema, async () => {
        throw new PermanentJobError('story s4 was deleted');
      }),
    };
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's4' }));
    expect(await manualWorker(kit, refusing).runOnce()).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'PermanentJobError: story s4 was deleted' });
  });

  it('buries a job whose payload fails validation, naming the problem, without calling the handler', async () => {
    const bad = await kit.queue.enqueueIn(kit.database.db, { type: publish.type, payload: { storyId: 42 } });
    const garbled = await kit.queue.enqueueIn(kit.database.db, { type: publish.type, payload: { storyId: 'ok' } });
    await kit.database.db.updateTable('jobs').set({ payload: '{not json' }).where('id', '=', garbled.id).execute();

    expect(await manualWorker(kit, handlers).runOnce()).toBe(2);
    expect(ran).toEqual([]);
    const dead = await kit.queue.find(bad.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead?.lastError).toContain('invalid payload (version 1)');
    expect(dead?.lastError).toContain('storyId');
    expect((await kit.queue.find(garbled.id))?.status).toBe('dead');
  });

  it('dedupes by idempotency key, cancels a waiting job, and frees its key', async () => {
    const key = 'publish-story:s5:2026-12-01T10:00:00.000Z';
    const first = await kit.queue.enqueueIn(
      kit.database.db,
      publish.create({ storyId: 's5' }, { idempotencyKey: key, runAt: at(3_600_000) }),
    );
    const again = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's5' }, { idempotencyKey: key }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await countJobs(kit.database)).toBe(1);

    expect(await kit.queue.cancel(kyselyTx(kit.database.db), key)).toBe(true);
    expect(await kit.queue.cancelIn(kit.database.db, key)).toBe(false);
    kit.clock.set(at(3_600_000));
    expect(await manualWorker(kit, handlers).runOnce()).toBe(0);

    const fresh = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's5' }, { idempotencyKey: key }));
    expect(fresh.created).toBe(true);
    expect(fresh.id).not.toBe(first.id);
  });

  it('cannot cancel a running job: the handler’s state check has to make it a no-op', async () => {
    const hold = gate();
    const started = gate();
    const slow: Handlers = { [publish.type]: jobHandler(publish.schema, async () => (started.open(), hold.promise)) };
    await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's6' }, { idempotencyKey: 'k6' }));
    const running = manualWorker(kit, slow).runOnce();
    await started.promise;
    expect(await kit.queue.cancelIn(kit.database.db, 'k6')).toBe(false);
    hold.open();
    expect(await running).toBe(1);
  });

  it('claims only the job types it has handlers for', async () => {
    const other = await kit.queue.enqueueIn(kit.database.db, { type: 'send-newsletter', payload: { issueId: 'i1' } });
    await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's7' }));
    expect(await manualWorker(kit, handlers).runOnce()).toBe(1);
    expect((await kit.queue.find(other.id))?.status).toBe('queued');
  });

  it('stops gracefully: no new claims, and waits for the running job to finish and be recorded', async () => {
    const hold = gate();
    const started = gate();
    const slow: Handlers = { [publish.type]: jobHandler(publish.schema, async () => (started.open(), hold.promise)) };
    const worker = manualWorker(kit, slow, { polling: true, pollMs: 5 });
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's8' }));
    await started.promise;

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    hold.open();
    await stopping;
    expect((await kit.queue.find(id))?.status).toBe('done');
    await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's9' }));
    expect(await worker.runOnce()).toBe(0);
  });

  it('stores the payload version and created time', async () => {
    const v2 = defineJob('publish-story', z.object({ storyId: z.string() }), { version: 2 });
    const { id } = await kit.queue.enqueueIn(kit.database.db, v2.create({ storyId: 's10' }));
    expect(await kit.queue.find(id)).toMatchObject({ version: 2, createdAt: T0, runAt: T0, status: 'queued', attempts: 0, maxAttempts: 8 });
  });
});
