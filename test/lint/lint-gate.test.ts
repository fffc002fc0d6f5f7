import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint gate (`npm run lint`, part of `npm test`) must fail on what it is there to stop. The
 * project's own `.oxlintrc.json` lints a small fixture tree laid out like `src/`, so the rules are
 * checked as configured (directory overrides, type-aware rules), not as we believe them to be.
 */
const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules', '.bin');

const FIXTURES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true },
    include: ['src'],
  }),
  'src/modules/alpha/floating.ts': [
    'async function save(): Promise<void> {}',
    'export function handler(): void {',
    '  save();',
    '}',
    '',
  ].join('\n'),
  'src/modules/alpha/awaited.ts': [
    'async function save(): Promise<void> {}',
    'export async function handler(): Promise<void> {',
    '  await save();',
    '  void save();',
    '}',
    '',
  ].join('\n'),
  'src/modules/alpha/layering.ts': "import { db } from '../../adapters/db/connect.js';\nexport const used = db;\n",
  'src/modules/members/reach.ts': [
    "import { hashToken } from '../newsroom/staff/tokens.js';",
    "import { staff } from '../newsroom/staff/index.js';",
    "import { jobs } from '../jobs/index.js';",
    'export const used = [hashToken, staff, jobs];',
    '',
  ].join('\n'),
  'src/shared/up.ts': "import { content } from '../modules/content/index.js';\nexport const used = content;\n",
  'src/adapters/http/routes.ts': [
    "import { internal } from '../../modules/content/content-types.js';",
    "import { content } from '../../modules/content/index.js';",
    'export const used = [internal, content];',
    '',
  ].join('\n'),
};

interface Finding {
  file: string;
  rule: string;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'masthead-lint-'));
  for (const [path, text] of Object.entries(FIXTURES)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await copyFile(join(ROOT, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lint(): Promise<{ exitCode: number; findings: Finding[] }> {
  const env = { ...process.env, OXLINT_TSGOLINT_PATH: join(BIN, 'tsgolint') };
  const result = await run(join(BIN, 'oxlint'), ['--format', 'json'], { cwd: dir, env }).then(
    (done) => ({ exitCode: 0, stdout: done.stdout }),
    (error: { code?: number; stdout?: string }) => ({ exitCode: error.code ?? -1, stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(result.stdout) as { diagnostics: { filename: string; code: string }[] };
  const findings = report.diagnostics
    .map((d) => ({ file: d.filename, rule: d.code }))
    .sort((a, b) => (a.file + a.rule).localeCompare(b.file + b.rule));
  return { exitCode: result.exitCode, findings };
}

describe('the lint gate', () => {
  it('fails on a floating promise and on imports that cross the layering, and on nothing else', async () => {
    const { exitCode, findings } = await lint();
    expect(exitCode).not.toBe(0);
    expect(findings).toEqual(
      [
        // adapters may use a module only through its index.ts
        { file: 'src/adapters/http/routes.ts', rule: 'eslint(no-restricted-imports)' },
        // modules never import adapters (or app)
        { file: 'src/modules/alpha/layering.ts', rule: 'eslint(no-restricted-imports)' },
        // a promise neither awaited nor voided
        { file: 'src/modules/alpha/floating.ts', rule: 'typescript(no-floating-promises)' },
        // members reach newsroom only through its index.ts
        { file: 'src/modules/members/reach.ts', rule: 'eslint(no-restricted-imports)' },
        // shared is the bottom layer
        { file: 'src/shared/up.ts', rule: 'eslint(no-restricted-imports)' },
      ].sort((a, b) => (a.file + a.rule).localeCompare(b.file + b.rule)),
    );
  });
});
