import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineJob, jobHandler, type Handlers, type JobContext } from '../../src/modules/jobs/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { at, countEffects, createEffectsTable, gate, manualWorker, openQueue, recordEffect, type QueueKit } from './job-test-kit.js';

const publish = defineJob('publish-story', z.object({ storyId: z.string(), publishAt: z.iso.datetime() }));
const LEASE_MS = 60_000;

/** A worker process that died while running a job: it holds the lease and never reports back. */
async function crashMidRun(kit: QueueKit, workerId = 'crashed-worker') {
  const claimed = await kit.queue.claim({
    workerId,
    types: [publish.type],
    limit: 10,
    now: kit.clock.now(),
    leaseUntil: new Date(kit.clock.now().getTime() + LEASE_MS),
  });
  expect(claimed).toHaveLength(1);
  return claimed[0]!;
}

describe.each(DIALECTS)('job recovery after a crash (%s)', (dialect) => {
  let testDb: TestDatabase;
  let kit: QueueKit;
  let runs: number;
  let handlers: Handlers;

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    kit = await openQueue(testDb);
    await createEffectsTable(kit.database);
    runs = 0;
    // Idempotent: the effect is keyed by what it does (this story, at this time), not by the run.
    const run = async (p: z.output<typeof publish.schema>, ctx: JobContext) => {
      runs += 1;
      await recordEffect(kit.database, `published:${p.storyId}:${p.publishAt}`, ctx.jobId);
    };
    handlers = { [publish.type]: jobHandler(publish.schema, run) };
  });
  afterEach(async () => {
    await kit?.database.close();
    await testDb?.drop();
  });

  it('runs a job again once the crashed worker’s lease expires, and the idempotent handler keeps one effect', async () => {
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's1', publishAt: at(0).toISOString() }));
    const abandoned = await crashMidRun(kit);
    // The crashed worker had already made its effect before dying.
    await handlers[publish.type]!.run(abandoned.payload, { jobId: id } as JobContext);

    const survivor = manualWorker(kit, handlers, { leaseMs: LEASE_MS });
    expect(await survivor.runOnce()).toBe(0);
    kit.clock.set(at(LEASE_MS - 1));
    expect(await survivor.runOnce()).toBe(0);
    kit.clock.set(at(LEASE_MS));
    expect(await survivor.runOnce()).toBe(1);

    expect(runs).toBe(2);
    expect(await countEffects(kit.database)).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({ status: 'done', attempts: 2 });
    // The stale worker cannot overwrite the result of the run that replaced it (fencing by worker and attempt).
    expect(await kit.queue.complete(abandoned, kit.clock.now())).toBe(false);
    expect(await kit.queue.retry(abandoned, kit.clock.now(), 'late')).toBe(false);
    expect(await kit.queue.find(id)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it('counts a crashed attempt: when the last one never finished, the job is dead, not run forever', async () => {
    const { id } = await kit.queue.enqueueIn(
      kit.database.db,
      publish.create({ storyId: 's2', publishAt: at(0).toISOString() }, { maxAttempts: 1 }),
    );
    await crashMidRun(kit);
    kit.clock.set(at(LEASE_MS));
    expect(await manualWorker(kit, handlers).runOnce()).toBe(1);
    expect(runs).toBe(0);
    const job = await kit.queue.find(id);
    expect(job).toMatchObject({ status: 'dead', attempts: 2 });
    expect(job?.lastError).toContain('never finished');
  });

  it('keeps the lease of a long job alive while it runs, so no other worker takes it over', async () => {
    const hold = gate();
    const started = gate();
    const slow: Handlers = { [publish.type]: jobHandler(publish.schema, async () => (started.open(), hold.promise)) };
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's3', publishAt: at(0).toISOString() }));
    const leaseMs = 60;
    const running = manualWorker(kit, slow, { leaseMs, workerId: 'slow-worker' }).runOnce();
    await started.promise;

    kit.clock.set(at(10_000));
    await vi.waitFor(async () => expect((await kit.queue.find(id))?.lockedUntil?.getTime()).toBe(at(10_000 + leaseMs).getTime()), {
      timeout: 5_000,
      interval: 10,
    });
    expect(await manualWorker(kit, handlers).runOnce()).toBe(0);
    hold.open();
    expect(await running).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null });
    expect(runs).toBe(0);
  });

  it('tells a handler that lost its lease, through the abort signal', async () => {
    const hold = gate();
    const started = gate();
    let signal: AbortSignal | undefined;
    const slow: Handlers = {
      [publish.type]: jobHandler(publish.schema, async (_p, ctx) => {
        signal = ctx.signal;
        started.open();
        await hold.promise;
      }),
    };
    const { id } = await kit.queue.enqueueIn(kit.database.db, publish.create({ storyId: 's4', publishAt: at(0).toISOString() }));
    const running = manualWorker(kit, slow, { leaseMs: 60, workerId: 'stalled' }).runOnce();
    await started.promise;
    // Another worker takes the job over as if this one had stalled past its lease.
    await kit.database.db.updateTable('jobs').set({ locked_by: 'other', attempts: 2 }).where('id', '=', id).execute();
    await vi.waitFor(() => expect(signal?.aborted).toBe(true), { timeout: 5_000, interval: 10 });
    hold.open();
    expect(await running).toBe(1);
    expect(await kit.queue.find(id)).toMatchObject({ status: 'running', lockedBy: 'other' });
  });
});
