/**
 * The admin catalog check: en.json and tr.json have the same keys, every message compiles as ICU
 * MessageFormat in its language with the shared engine, reads the same arguments in both languages
 * and reads as written (no apostrophe lost to ICU quoting); every key is used by the app. A key the
 * app uses but en.json lacks is a type error (MessageKey = keyof typeof en).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { literalTextProblem, messageArguments } from '../../../src/shared/i18n/catalog-keys';
import { compileCatalog } from '../../../src/shared/i18n/message-format';
import { CATALOGS, LANGUAGES, translate, type Language, type MessageKey } from './i18n';
import en from './en.json';
import tr from './tr.json';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const languages = Object.keys(LANGUAGES) as Language[];
const compiled = (language: Language) => compileCatalog(CATALOGS[language], language, `${language}.json`);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('admin message catalogs', () => {
  it('en and tr have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const trKeys = Object.keys(tr).sort();
    expect(
      trKeys.filter((k) => !enKeys.includes(k)),
      'keys only in tr.json',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !trKeys.includes(k)),
      'keys only in en.json',
    ).toEqual([]);
  });

  it('every message is non-empty and compiles as ICU MessageFormat in its language', () => {
    for (const language of languages) {
      for (const [key, text] of Object.entries(CATALOGS[language])) expect(text.trim(), `${language}: ${key}`).toBeTruthy();
      expect(() => compiled(language)).not.toThrow();
    }
  });

  it('every message reads the same arguments in both languages', () => {
    const reference = compiled('en');
    for (const language of languages) {
      for (const [key, message] of compiled(language)) {
        const expected = reference.get(key);
        if (expected === undefined) continue;
        expect([...messageArguments(message)].sort(), `${language}: arguments of ${key}`).toEqual([...messageArguments(expected)].sort());
      }
    }
  });

  it('every message reads as written: apostrophes kept, no stray braces', () => {
    const problems: string[] = [];
    for (const language of languages) {
      for (const [key, message] of compiled(language)) {
        const problem = literalTextProblem(CATALOGS[language][key as MessageKey], message);
        if (problem) problems.push(`${language}: ${key}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('formats values with the shared ICU engine: plurals and numbers for the language', () => {
    expect(translate('en', 'stories.count', { count: 1 })).toBe('1 story found');
    expect(translate('en', 'stories.count', { count: 1234 })).toBe('1,234 stories found');
    expect(translate('tr', 'stories.count', { count: 1234 })).toBe('1.234 haber bulundu');
    expect(translate('en', 'error.rateLimitedFor', { seconds: 1 })).toBe('Too many attempts. Try again in 1 second.');
    expect(translate('en', 'error.rateLimitedFor', { seconds: 30 })).toBe('Too many attempts. Try again in 30 seconds.');
    expect(translate('tr', 'error.rateLimitedFor', { seconds: 1 })).toBe('Çok fazla deneme. 1 saniye sonra yeniden deneyin.');
    expect(translate('en', 'editor.editorsInsert')).toBe("Editor's insert");
    expect(translate('en', 'staff.deleted', { name: '<b>Ada</b>' })).toBe('<b>Ada</b> was deleted.');
  });

  it('types keys from en.json, so a misspelled key does not compile (checked by tsc)', () => {
    const render = () => [
      translate('en', 'stories.untitled'),
      // @ts-expect-error: a key en.json does not have
      translate('en', 'stories.untiteld'),
    ];
    expect(render()).toEqual([en['stories.untitled'], 'stories.untiteld']);
  });

  it('names the key when a message is formatted without its argument', () => {
    expect(() => translate('tr', 'staff.deleted')).toThrow(/staff\.deleted.*\(tr\)/);
  });

  it('every key is used somewhere in the app', () => {
    const code = sources(SRC)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
