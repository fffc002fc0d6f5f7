import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createHttpApp, openServices, type Services } from '../../src/app/container.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, type DialectName, type TestDatabase } from './databases.js';
import { NOW, seedFixture, type Fixture } from './fixtures.js';
import { setUpAdmin, type StaffSession } from './staff.js';
import { testSiteConfig } from './test-site.js';

/** One web server (its own services, connections and page cache) listening on a port of its own. */
export interface CachedServer {
  app: FastifyInstance;
  services: Services;
  base: string;
  /** A real HTTP GET (the front cache is in the path), the body read. */
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: string }>;
}

export interface CachedServers {
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  fixture: Fixture;
  servers: CachedServer[];
  /** An administrator's session on the first server's admin API. */
  admin: StaffSession;
  close(): Promise<void>;
}

/**
 * `count` servers over one database, as several machines sharing one PostgreSQL (or processes of
 * one machine sharing a SQLite file) run, each with the page cache on (an hour), a shared fixed clock.
 */
export async function startCachedServers(dialect: DialectName, count: number, env: Record<string, string> = {}): Promise<CachedServers> {
  const database = await createTestDatabase(dialect);
  const config = testSiteConfig(database, { PAGE_CACHE_SECONDS: '3600', ...env });
  const clock = fixedClock(NOW);
  const servers: CachedServer[] = [];
  let fixture: Fixture | undefined;
  for (let i = 0; i < count; i++) {
    const services = await openServices(config, clock);
    fixture ??= await seedFixture(services.contentWrite, services.editions.list);
    const app = createHttpApp(services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    servers.push({
      app,
      services,
      base,
      async get(path, headers = {}) {
        const res = await fetch(base + path, { headers, redirect: 'manual' });
        return { status: res.status, headers: res.headers, body: await res.text() };
      },
    });
  }
  const admin = await setUpAdmin((servers[0] as CachedServer).app);
  return {
    database,
    clock,
    fixture: fixture as Fixture,
    servers,
    admin,
    async close() {
      for (const server of servers) {
        await server.app.close();
        await server.services.close();
      }
      await database.drop();
    },
  };
}

/**
 * Asks `check` until it holds or `deadlineMs` has passed since the call (a deadline, not a timing
 * assertion): true when it held in time.
 */
export async function within(deadlineMs: number, check: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
