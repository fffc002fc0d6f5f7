import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { availableLocales, createHttpApp, openServices } from '../../src/app/container.js';
import { EXIT, main } from '../../src/app/main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { API } from '../support/staff.js';

/** Runs the CLI in-process, as `echo "$PASSWORD" | masthead ...` would (stdin a pipe), or on a fake terminal. */
async function run(args: string[], env: Record<string, string>, stdin: string | NodeJS.ReadableStream) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  const input = vi
    .spyOn(process, 'stdin', 'get')
    .mockReturnValue((typeof stdin === 'string' ? Readable.from([stdin]) : stdin) as unknown as typeof process.stdin);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    input.mockRestore();
    stdout.mockRestore();
    stderr.mockRestore();
    process.env = saved;
  }
}

describe.each(DIALECTS)('masthead staff:add (%s)', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('creates an admin from a piped password, who can then sign in', async () => {
    const result = await run(
      ['staff:add', '--email', 'Chief@Example.org', '--role', 'admin', '--name', 'Chief Editor'],
      env,
      'piped secret words\nignored second line\n',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/^Added admin Chief Editor <chief@example.org> \(id [0-9a-z]{26}\)\.\n$/);
    expect(result.out + result.err).not.toContain('piped secret words');

    const config = loadConfig({ ...env, SEED_DEMO_ON_START: 'false', PUBLIC_URL: 'https://news.example.org' }, availableLocales());
    const services = await openServices(config);
    const app = createHttpApp(services);
    try {
      expect((await app.inject({ method: 'GET', url: `${API}/setup` })).json()).toEqual({ needed: false });
      const signIn = await app.inject({
        method: 'POST',
        url: `${API}/session`,
        payload: { email: 'chief@example.org', password: 'piped secret words' },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().staff).toMatchObject({ email: 'chief@example.org', name: 'Chief Editor', role: 'admin' });
      const audit = await app.inject({
        method: 'GET',
        url: `${API}/audit`,
        headers: { cookie: String(signIn.headers['set-cookie']).split(';')[0] },
      });
      expect(audit.json().items[0]).toMatchObject({
        action: 'staff.create',
        actor: { staffId: null, name: 'command line', apiKeyId: null },
      });
    } finally {
      await app.close();
      await services.close();
    }
  });

  it('refuses bad usage with exit 64: missing email, unknown role, short password', async () => {
    const noEmail = await run(['staff:add', '--role', 'admin'], env, 'long enough password\n');
    expect(noEmail.code).toBe(EXIT.usage);
    expect(noEmail.err).toContain('staff:add needs --email');
    const badRole = await run(['staff:add', '--email', 'x@example.org', '--role', 'chief'], env, 'long enough password\n');
    expect(badRole.code).toBe(EXIT.usage);
    expect(badRole.err).toContain('role: one of contributor, writer, translator, editor, admin');
    const short = await run(['staff:add', '--email', 'x@example.org', '--role', 'writer'], env, 'tiny-pw\n');
    expect(short.code).toBe(EXIT.usage);
    expect(short.err).toContain('the password (stdin): at least 10 characters');
    expect(short.err).not.toContain('tiny-pw');
  });

  it('prompts on a terminal without echoing what is typed', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
    const setRawMode = (mode: boolean) => terminal.rawModes.push(mode);
    Object.assign(terminal, { setRawMode });
    setTimeout(() => terminal.write('typed secret!!\u007f\r'), 20);
    const result = await run(['staff:add', '--email', 'typist@example.org', '--role', 'editor'], env, terminal);
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toBe('Password: \n');
    expect(result.out).toContain('Added editor typist <typist@example.org>');
    expect(terminal.rawModes).toEqual([true, false]);
    const services = await openServices(loadConfig({ ...env, SEED_DEMO_ON_START: 'false' }, availableLocales()));
    const app = createHttpApp(services);
    try {
      const res = await app.inject({
        method: 'POST',
        url: `${API}/session`,
        payload: { email: 'typist@example.org', password: 'typed secret!' },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
      await services.close();
    }
  });

  it('fails (exit 1) when the email is taken', async () => {
    const result = await run(['staff:add', '--email', 'chief@example.org', '--role', 'writer'], env, 'another long password\n');
    expect(result.code).toBe(EXIT.failure);
    expect(result.err).toContain('already exists');
  });
});
