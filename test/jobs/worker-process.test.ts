import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { KyselyJobQueue } from '../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { jobHandler } from '../../src/modules/jobs/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { configFromEnv } from '../../src/app/container.js';
import { jsonLineLog } from '../../src/app/wiring/jobs-wiring.js';
import { runWorkerProcess } from '../../src/app/worker-process.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { openMigrated } from './job-test-kit.js';

describe('job log', () => {
  it('writes JSON lines at or above the configured level', () => {
    const lines: string[] = [];
    const log = jsonLineLog('warn', (line) => void lines.push(line));
    log.info({ jobId: 'j1' }, 'job done');
    log.warn({ jobId: 'j2' }, 'job failed; will retry');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, name: 'jobs', msg: 'job failed; will retry', jobId: 'j2' });
    const silent: string[] = [];
    jsonLineLog('silent', (line) => void silent.push(line)).error({}, 'x');
    expect(silent).toEqual([]);
  });
});

describe.each(DIALECTS)('masthead worker (%s)', (dialect) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('runs the jobs that were due when it started, until stopped', async () => {
    const database = await openMigrated(testDb);
    const { id } = await new KyselyJobQueue(database, systemClock).enqueueIn(database.db, { type: 'ping', payload: { n: 1 } });
    await database.close();
    const config = configFromEnv({ DATABASE_URL: testDb.url, DATA_DIR: testDb.dataDir, LOG_LEVEL: 'silent' });
    let out = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    try {
      const stop = new AbortController();
      const seen: string[] = [];
      const handlers = () => ({ ping: jobHandler(z.object({ n: z.number() }), async (_p, ctx) => void seen.push(ctx.jobId)) });
      const running = runWorkerProcess(config, { signal: stop.signal, handlers });
      await vi.waitFor(() => expect(seen).toEqual([id]), { timeout: 10_000 });
      expect(out).toContain('Masthead worker is running jobs');
      stop.abort();
      expect(await running).toBe(0);
    } finally {
      stdout.mockRestore();
    }
  });
});
