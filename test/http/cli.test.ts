import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { explainDatabaseStartError } from '../../src/app/database-start-errors.js';
import { EXIT, main } from '../../src/app/main.js';
import { connectDatabase } from '../../src/adapters/db/connect.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

/** Runs the CLI in-process with the given environment, capturing what it prints. */
async function run(args: string[], env: Record<string, string | undefined>) {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.env = saved;
  }
}

describe('masthead command line', () => {
  it('prints help and exits 0', async () => {
    const result = await run(['help'], {});
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('seed-demo [--stories N]');
  });

  it('refuses an unknown command or option with usage and exit 64', async () => {
    expect((await run(['publish-everything'], {})).code).toBe(EXIT.usage);
    const bad = await run(['seed-demo', '--stories', 'many'], {});
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain('--stories expects a whole number');
  });

  it('stops on bad configuration naming the key, with exit 78', async () => {
    const result = await run(['migrate'], { PORT: 'eighty' });
    expect(result.code).toBe(EXIT.config);
    expect(result.err).toContain('PORT: a whole number from 1 to 65535');
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});

describe.each(DIALECTS)('migrate and seed-demo (%s)', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrates an empty database, then reports it up to date', async () => {
    const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir };
    const first = await run(['migrate'], env);
    expect(first.code).toBe(EXIT.ok);
    expect(first.out).toContain('Applied: 0001-content');
    const second = await run(['migrate'], env);
    expect(second.out).toContain('The database is up to date.');
  });

  it('seeds the requested number of demo stories', async () => {
    const result = await run(['seed-demo', '--stories', '12'], { DATABASE_URL: database.url, DATA_DIR: database.dataDir });
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/Seeded 12 stories/);
    const opened = await connectDatabase(database.config);
    try {
      const row = await opened.db
        .selectFrom('stories')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(12);
    } finally {
      await opened.close();
    }
  });
});

describe('database start-up problems are configuration errors naming the setting (exit 78)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'masthead-cli-'));
    mkdirSync(join(dir, 'a-directory.db'));
    writeFileSync(join(dir, 'not-a-database.db'), 'These bytes are a note, not a SQLite database. '.repeat(40));
    writeFileSync(join(dir, 'a-file'), 'not a directory');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const expectConfigError = (result: { code: number; err: string }, setting: string, path: string) => {
    expect(result.code, result.err).toBe(EXIT.config);
    expect(result.err).toContain(`${setting}: `);
    expect(result.err).toContain(path);
    expect(result.err).not.toMatch(/\n\s+at /);
  };

  // Each command that opens the database: `migrate` opens it directly, `seed-demo` through the services.
  for (const command of [['migrate'], ['seed-demo', '--stories', '1']]) {
    it(`${command[0]}: a SQLite path that is a directory, a file that is not a database, a path under a file`, async () => {
      const cases: Array<[string, string]> = [
        [join(dir, 'a-directory.db'), 'cannot be opened'],
        [join(dir, 'not-a-database.db'), 'is not a SQLite database'],
        [join(dir, 'a-file', 'masthead.db'), 'a part of its path is a file'],
      ];
      for (const [file, says] of cases) {
        for (const url of [file, `sqlite:${file}`]) {
          const result = await run(command, { DATABASE_URL: url, DATA_DIR: join(dir, 'data') });
          expectConfigError(result, 'DATABASE_URL', file);
          expect(result.err).toContain(says);
        }
      }
    });

    it(`${command[0]}: DATA_DIR that is a file, or below a file, with the default SQLite database`, async () => {
      for (const dataDir of [join(dir, 'a-file'), join(dir, 'a-file', 'below')]) {
        expectConfigError(await run(command, { DATABASE_URL: undefined, DATA_DIR: dataDir }), 'DATA_DIR', dataDir);
      }
    });

    it(`${command[0]}: PostgreSQL refusing connections, named without its password`, async () => {
      for (const url of [
        'postgres://masthead:s3cret-Pa55@127.0.0.1:1/masthead',
        'postgresql://masthead:s3cret-Pa55@localhost:1/masthead?sslmode=disable',
      ]) {
        const result = await run(command, { DATABASE_URL: url, DATA_DIR: join(dir, 'data') });
        expectConfigError(result, 'DATABASE_URL', ':1/masthead');
        expect(result.err).toContain('refused the connection');
        expect(result.err).not.toContain('s3cret-Pa55');
      }
    });
  }

  it('seed-demo on PostgreSQL with DATA_DIR a file: DATA_DIR is named (media live there)', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const dataDir = join(dir, 'a-file');
      expectConfigError(await run(['seed-demo', '--stories', '1'], { DATABASE_URL: database.url, DATA_DIR: dataDir }), 'DATA_DIR', dataDir);
    } finally {
      await database.drop();
    }
  });

  // Root writes to any file whatever its mode, so as root (CI) the file is made immutable instead
  // (chattr +i, which binds root too); the message is also checked below with a read-only connection.
  it('a SQLite file the process may not write to', async () => {
    const file = join(dir, 'read-only.db');
    const db = new BetterSqlite3(file);
    db.exec('create table t (x)');
    db.close();
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', file]);
    else chmodSync(file, 0o444);
    try {
      const result = await run(['migrate'], { DATABASE_URL: file, DATA_DIR: join(dir, 'data') });
      expectConfigError(result, 'DATABASE_URL', file);
      expect(result.err).toContain('read-only');
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', file]);
    }
  });

  it('says a read-only SQLite database is read-only, naming the setting and the file', () => {
    const file = join(dir, 'read-only-open.db');
    new BetterSqlite3(file).close();
    const readOnly = new BetterSqlite3(file, { readonly: true });
    let error: unknown;
    try {
      readOnly.pragma('journal_mode = WAL');
    } catch (e) {
      error = e;
    } finally {
      readOnly.close();
    }
    expect((error as { code?: string }).code).toBe('SQLITE_READONLY');
    const message = explainDatabaseStartError(error, { DATABASE_URL: file, DATA_DIR: dir });
    expect(message).toMatch(/^DATABASE_URL: the database .* is read-only\. /);
    expect(message).toContain(file);
  });

  it('leaves other failures alone', () => {
    expect(explainDatabaseStartError(new Error('something else'), {})).toBeNull();
    expect(explainDatabaseStartError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), {})).toBeNull();
  });
});
