import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT, main } from '../../src/app/main.js';
import { connectDatabase } from '../../src/adapters/db/connect.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

/** Runs the CLI in-process with the given environment, capturing what it prints. */
async function run(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
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
      const row = await opened.db.selectFrom('stories').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(12);
    } finally {
      await opened.close();
    }
  });
});
