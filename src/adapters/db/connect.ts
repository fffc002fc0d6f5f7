import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type KyselyConfig } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Which database to open: a SQLite file (or `:memory:`) or a PostgreSQL URL (app/config.ts reads it from DATABASE_URL). */
export type DatabaseSettings = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Sees every statement run (its SQL and parameters): tests count and explain them. */
export type QueryObserver = (query: { sql: string; parameters: readonly unknown[]; durationMs: number }) => void;

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, chosen by the configuration. */
export async function connectDatabase(config: DatabaseSettings, options: { onQuery?: QueryObserver } = {}): Promise<Database> {
  const log = options.onQuery ? observe(options.onQuery) : undefined;
  if (config.kind === 'sqlite') return connectSqlite(config.file, log);
  await ensurePostgresDatabase(config.url);
  return connectPostgres(config.url, log);
}

function observe(onQuery: QueryObserver): KyselyConfig['log'] {
  return (event) => {
    if (event.level === 'query')
      onQuery({ sql: event.query.sql, parameters: event.query.parameters, durationMs: event.queryDurationMillis });
  };
}

function connectSqlite(file: string, log?: KyselyConfig['log']): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // A page cache and memory map sized for an archive of 100,000 stories (a few GB on disk): index
  // pages stay in memory, and reads are served from the map without a system call per page.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('temp_store = memory');
  // Table statistics for the query planner, refreshed (with a bounded sample) when missing or
  // stale: without them SQLite may walk a long index range where a key lookup would do.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), ...(log && { log }) });
  return {
    db,
    dialect: 'sqlite',
    async ping() {
      sqlite.prepare('select 1').get();
    },
    async close() {
      await db.destroy();
    },
  };
}

const STATEMENT_CACHE = 512;

/**
 * Kysely prepares every statement anew; preparing costs SQLite about as much as running one of our
 * indexed reads. The same SQL text is reused here (bounded, least recently prepared dropped first).
 * Safe because better-sqlite3 runs each statement to completion before the next is taken.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

function connectPostgres(url: string, log?: KyselyConfig['log']): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A pool client that errors while idle must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log && { log }) });
  return {
    db,
    dialect: 'postgres',
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Creates the database named in the URL when the server has none by that name yet. */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  } catch (error) {
    // Another process may have created it between our check and our create.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}
