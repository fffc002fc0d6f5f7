import type { Handlers } from '../modules/jobs/index.js';
import type { Config } from './config.js';
import { openServices, type Services } from './container.js';
import { buildJobHandlers } from './wiring/index.js';
import { createJobRuntime } from './wiring/jobs-wiring.js';

/**
 * `masthead worker`: runs due jobs until SIGTERM/SIGINT (or `signal`), then lets the running jobs
 * finish before closing the database. Any number of these may run beside the web processes.
 */
export async function runWorkerProcess(
  config: Config,
  options: { signal?: AbortSignal; handlers?: (services: Services) => Handlers } = {},
): Promise<number> {
  const services = await openServices(config);
  try {
    const { worker } = createJobRuntime(services, (options.handlers ?? buildJobHandlers)(services));
    process.stdout.write(`Masthead worker is running jobs (database: ${config.database.kind})\n`);
    await untilStopped(options.signal);
    await worker.stop();
    return 0;
  } finally {
    await services.close();
  }
}

function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGTERM', done);
      process.off('SIGINT', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return done();
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
