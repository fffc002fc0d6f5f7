import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from './connect.js';
import { PAGE_CHANGE_CHANNEL, PAGE_CHANGE_RETENTION_MS } from './repositories/content/page-change-recorder.js';

/** What a process does with committed page changes: drop the pages tagged with these keys, or everything. */
export interface PageChangeListener {
  purge(keys: readonly string[]): void;
  /** Changes may have been missed (a lost connection, a long pause): forget every cached page. */
  purgeAll(): void;
  /**
   * Changes cannot be heard (PostgreSQL: the listening connection is down): forget every cached
   * page and keep none until `resume`, since a page kept now could not be dropped when it changes.
   */
  suspend(): void;
  /** Changes are heard again (everything was forgotten first): cache as usual. */
  resume(): void;
}

export interface PageChangeFeed {
  /** Applies every change committed so far that this process has not applied yet. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

export interface PageChangeFeedOptions {
  /** SQLite: how often the log is read (default 200 ms, so a change shows within a fraction of a second). */
  pollMs?: number;
  /** PostgreSQL: the connection string for the dedicated LISTEN connection. */
  url?: string;
  /** PostgreSQL: how often the LISTEN connection is checked (default 15 s), so a silently dead one is replaced. */
  heartbeatMs?: number;
  onError?(error: unknown): void;
}

/** Remembers the ids of changes already applied (at most a few thousand), so a replay applies nothing twice. */
class SeenChanges {
  private readonly ids = new Set<string>();
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > 4000) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

const parseKeys = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Delivers the page changes committed by any process on any server sharing the database to this
 * process (docs/adr/0004-page-invalidation.md).
 *  - SQLite (the processes of one machine): the `page_invalidations` log is read by rowid every
 *    `pollMs`; SQLite commits one writer at a time, so rowid order is commit order and a cursor
 *    misses nothing. The read is one indexed range over a table of a few minutes' rows.
 *  - PostgreSQL (any number of servers): a dedicated connection LISTENs; the writer's NOTIFY is
 *    delivered at commit. When that connection drops (or stops answering the heartbeat: a network
 *    can lose a connection without closing it), the process forgets its whole cache and caches
 *    nothing (`suspend`) until it has reconnected (`resume`), since it cannot hear changes meanwhile.
 * `catchUp` reads the log directly, so a process that answers a write has applied it before the answer.
 */
export async function startPageChangeFeed(
  database: Database,
  listener: PageChangeListener,
  options: PageChangeFeedOptions = {},
): Promise<PageChangeFeed> {
  const seen = new SeenChanges();
  const onError = options.onError ?? (() => undefined);
  const apply = (id: string, keys: readonly string[]) => {
    if (seen.add(id) && keys.length > 0) listener.purge(keys);
  };

  if (database.dialect === 'sqlite') {
    const { db } = database;
    const last = await db
      .selectFrom('page_invalidations')
      .select(sql<number>`max(rowid)`.as('seq'))
      .executeTakeFirst();
    let cursor = Number(last?.seq ?? 0);
    let lastRead = Date.now();
    const read = async () => {
      const rows = await db
        .selectFrom('page_invalidations')
        .select([sql<number>`rowid`.as('seq'), 'id', 'keys'])
        .where(sql<number>`rowid`, '>', cursor)
        .orderBy(sql`rowid`)
        .execute();
      // Rows are pruned after a while: a process that did not read for that long may have missed some.
      if (Date.now() - lastRead > PAGE_CHANGE_RETENTION_MS / 2) listener.purgeAll();
      lastRead = Date.now();
      for (const row of rows) {
        cursor = Math.max(cursor, Number(row.seq));
        apply(row.id, parseKeys(row.keys));
      }
    };
    // Reads run one after another, and each `catchUp` gets a read that starts after it was called
    // (joining one already under way could miss a change committed since that read began).
    let chain: Promise<void> = Promise.resolve();
    let pending = 0;
    const catchUp = (): Promise<void> => {
      pending += 1;
      const run = chain.then(read);
      chain = run.catch(() => undefined).finally(() => (pending -= 1));
      return run;
    };
    const timer = setInterval(() => {
      if (pending === 0) catchUp().catch(onError);
    }, options.pollMs ?? 200);
    timer.unref();
    return {
      catchUp,
      async close() {
        clearInterval(timer);
        await chain;
      },
    };
  }

  if (!options.url) throw new Error('The PostgreSQL page-change feed needs the database URL');
  const url = options.url;
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    next.on('notification', (message) => {
      if (message.channel !== PAGE_CHANGE_CHANNEL || !message.payload) return;
      try {
        const { id, keys } = JSON.parse(message.payload) as { id: string; keys: string[] };
        apply(id, keys);
      } catch (error) {
        onError(error);
        listener.purgeAll();
      }
    });
    const lost = (error?: unknown) => {
      if (error) onError(error);
      if (client !== next || closed) return;
      client = null;
      listener.suspend();
      void next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`listen ${PAGE_CHANGE_CHANNEL}`);
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = 500;
  };
  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect()
        .then(() => {
          listener.purgeAll();
          listener.resume();
        })
        .catch((error) => {
          onError(error);
          retryMs = Math.min(retryMs * 2, 30_000);
          scheduleReconnect();
        });
    }, retryMs);
    retry.unref();
  };
  await connect();
  const heartbeat = setInterval(() => {
    const current = client;
    if (!current) return;
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('listen connection did not answer')), 5000).unref());
    Promise.race([current.query('select 1'), timeout]).catch((error) => {
      if (client !== current || closed) return;
      onError(error);
      client = null;
      listener.suspend();
      void current.end().catch(() => undefined);
      scheduleReconnect();
    });
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const { db } = database;
  return {
    async catchUp() {
      const since = new Date(Date.now() - 60_000).toISOString();
      const rows = await db
        .selectFrom('page_invalidations')
        .select(['id', 'keys'])
        .where('created_at', '>=', since)
        .orderBy('created_at')
        .execute();
      for (const row of rows) apply(row.id, parseKeys(row.keys));
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
