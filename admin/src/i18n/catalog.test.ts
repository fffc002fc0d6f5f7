import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import tr from './tr.json';

const CATALOGS: Record<string, Record<string, string>> = { en, tr };
const SRC = fileURLToPath(new URL('..', import.meta.url));

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

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
    expect(trKeys.filter((k) => !enKeys.includes(k)), 'keys only in tr.json').toEqual([]);
    expect(enKeys.filter((k) => !trKeys.includes(k)), 'keys only in en.json').toEqual([]);
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      for (const [language, catalog] of Object.entries(CATALOGS)) {
        expect(catalog[key]?.trim(), `${language}: ${key}`).toBeTruthy();
      }
      expect(placeholders(tr[key as keyof typeof tr] ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('every key is used somewhere in the app', () => {
    const code = sources(SRC)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
