import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findKeyUsages, findUsedKeys, literalTextProblem, messageArguments } from './catalog-keys.js';
import { compileMessage } from './message-format.js';

const src = mkdtempSync(join(tmpdir(), 'masthead-keys-'));
afterAll(() => rmSync(src, { recursive: true, force: true }));

mkdirSync(join(src, 'pages', 'story'), { recursive: true });
writeFileSync(
  join(src, 'pages', 'story', 'view.ts'),
  [
    "html`<h2>${t('story.moreFrom', { section })}</h2>`;",
    'const label = tr.t("nav.home");',
    "t(\n  'story.count',\n  { count },\n);",
    "it('not.a.key', () => {});",
    "format('not.a.key');",
    't(`template.literal`);',
    't(computedKey);',
  ].join('\n'),
);
writeFileSync(join(src, 'pages', 'home.ts'), "t('nav.home'); t('section.title-with_dash');");
writeFileSync(join(src, 'pages', 'home.test.ts'), "t('test.only');");
writeFileSync(join(src, 'pages', 'notes.md'), "t('docs.only')");

describe('findUsedKeys', () => {
  it('finds literal keys in .ts files recursively, ignoring tests and other files', () => {
    expect([...findUsedKeys(src)].sort()).toEqual(['nav.home', 'section.title-with_dash', 'story.count', 'story.moreFrom']);
  });

  it('reports which files use a key', () => {
    expect(findKeyUsages(src).get('nav.home')?.sort()).toEqual([join('pages', 'home.ts'), join('pages', 'story', 'view.ts')]);
  });
});

describe('messageArguments', () => {
  it('lists arguments, including those nested in plural and select', () => {
    const message = compileMessage(
      '{count, plural, one {# story by {author}} other {# stories}} {gender, select, female {her} other {their}} {when, date, medium}',
      'en',
    );
    expect([...messageArguments(message)].sort()).toEqual(['author', 'count', 'gender', 'when']);
  });
});

describe('literalTextProblem', () => {
  const problem = (text: string) => literalTextProblem(text, compileMessage(text, 'en'));

  it('accepts apostrophes ICU leaves alone, with and without arguments', () => {
    expect(problem("Editor's insert")).toBeNull();
    expect(problem("[Cezayir'de] {name}'s draft")).toBeNull();
    expect(problem('{n, plural, one {# story} other {# stories}}')).toBeNull();
  });

  it('reports apostrophes taken as quoting and braces shown literally', () => {
    expect(problem("It's '{name}'")).toMatch(/apostrophe/);
    expect(problem("Rock 'n'' roll")).toMatch(/apostrophe/);
    expect(problem("{n, plural, other {'#' items}}")).toMatch(/apostrophe/);
  });
});
