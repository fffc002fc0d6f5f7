import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database as DatabaseConfig } from '../../src/app/config.js';

/**
 * The databases every data and HTTP test runs on. SQLite always; PostgreSQL when a server answers
 * at TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres). With CI=true the
 * PostgreSQL suite must run: an unreachable server fails the run instead of skipping it.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface TestDatabase {
  dialect: DialectName;
  /** A DATABASE_URL for this test's own, fresh database. */
  url: string;
  config: DatabaseConfig;
  dataDir: string;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unreachable = await postgresReachable();
if (unreachable && process.env.CI === 'true') {
  throw new Error(`CI=true requires the PostgreSQL suite, but ${ADMIN_URL} is unreachable: ${unreachable}`);
}
if (unreachable) {
  process.stderr.write(
    `PostgreSQL suite skipped: ${ADMIN_URL} is unreachable (${unreachable}). Start PostgreSQL or set TEST_POSTGRES_URL to run it; CI=true makes it mandatory.\n`,
  );
}

export const DIALECTS: DialectName[] = unreachable ? ['sqlite'] : ['sqlite', 'postgres'];

let counter = 0;

/** A fresh, empty database of the given dialect, with its own data directory. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-test-'));
  if (dialect === 'sqlite') {
    const file = join(dataDir, 'test.db');
    return {
      dialect,
      url: file,
      config: { kind: 'sqlite', file },
      dataDir,
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `masthead_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    config: { kind: 'postgres', url: url.toString() },
    dataDir,
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
