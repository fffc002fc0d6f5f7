// A worker in its own process, for the cross-process race test. Args: database config JSON, worker id.
// Prints "ready", waits for "go" on stdin, runs every due job once, prints "ran <n>", exits.
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database as DatabaseConfig } from '../../../src/app/config.js';
import { connectDatabase } from '../../../src/adapters/db/connect.js';
import { KyselyJobQueue } from '../../../src/adapters/db/repositories/jobs/job-queue-kysely.js';
import { jobHandler, startWorker } from '../../../src/modules/jobs/index.js';
import { fixedClock } from '../../../src/shared/clock.js';

const [configJson, workerId, now] = process.argv.slice(2) as [string, string, string];
const database = await connectDatabase(JSON.parse(configJson) as DatabaseConfig);
const clock = fixedClock(now);
const worker = startWorker({
  queue: new KyselyJobQueue(database, clock),
  handlers: {
    'race-item': jobHandler(z.object({ n: z.number() }), async (_p, ctx) => {
      await sql`insert into race_runs (job_id, worker) values (${ctx.jobId}, ${workerId})`.execute(database.db);
    }),
  },
  clock,
  pollMs: 10,
  concurrency: 4,
  workerId,
  log: {
    info: () => undefined,
    warn: (d, m) => process.stderr.write(`${m} ${JSON.stringify(d)}\n`),
    error: (d, m) => process.stderr.write(`${m} ${JSON.stringify(d)}\n`),
  },
  polling: false,
});
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line.trim() === 'go') break;
const ran = await worker.runOnce();
await database.close();
process.stdout.write(`ran ${ran}\n`);
process.exit(0);
