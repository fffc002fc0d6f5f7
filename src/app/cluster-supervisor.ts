import cluster, { type Worker } from 'node:cluster';

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS_IN_WINDOW = 10;

/**
 * Runs `count` web processes that share the listening port (node:cluster), replaces one that dies,
 * and stops them all on SIGTERM/SIGINT. Gives up, exit 1, if workers keep dying (a crash loop
 * would otherwise spin forever). The database was migrated and seeded before this is called.
 */
export function superviseWorkers(count: number, publicUrl: string): Promise<number> {
  let stopping = false;
  let listening = 0;
  const restarts: number[] = [];
  return new Promise<number>((resolve) => {
    const fork = () => cluster.fork();
    cluster.on('listening', () => {
      listening += 1;
      if (listening === count) process.stdout.write(`Masthead is serving ${publicUrl}/ with ${count} web processes\n`);
    });
    cluster.on('exit', (worker: Worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve(0);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && (restarts[0] as number) < now - RESTART_WINDOW_MS) restarts.shift();
      process.stderr.write(`masthead: web process ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
      if (restarts.length > MAX_RESTARTS_IN_WINDOW) {
        process.stderr.write('masthead: web processes keep exiting; giving up\n');
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
        resolve(1);
        return;
      }
      fork();
    });
    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    for (let i = 0; i < count; i++) fork();
  });
}
