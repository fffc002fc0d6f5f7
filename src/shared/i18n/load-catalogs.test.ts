import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from './catalogs.js';

const dir = mkdtempSync(join(tmpdir(), 'masthead-catalogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (locale: string, text: string) => writeFileSync(join(dir, `${locale}.json`), text);

describe('loadCatalogs', () => {
  it('loads and compiles each requested locale once', () => {
    write('en', JSON.stringify({ 'a.b': 'Hello {name}', 'c-d_e': 'Plain' }));
    const catalogs = loadCatalogs(dir, ['en', 'en']);
    expect([...catalogs.keys()]).toEqual(['en']);
    const en = catalogs.get('en');
    expect(en?.file).toBe(join(dir, 'en.json'));
    expect([...(en?.messages.keys() ?? [])]).toEqual(['a.b', 'c-d_e']);
    expect(en?.messages.get('a.b')?.format({ name: 'Ada' })).toBe('Hello Ada');
  });

  it('names the file and locale when the file is missing', () => {
    expect(() => loadCatalogs(dir, ['ku'])).toThrow(/locale "ku".*ku\.json/);
  });

  it('names the file and locale when the JSON is bad', () => {
    write('tr', '{ "a": "x", }');
    expect(() => loadCatalogs(dir, ['tr'])).toThrow(/Invalid JSON.*locale "tr".*tr\.json/);
  });

  it('rejects anything but a flat object of strings, naming the key', () => {
    write('ar', JSON.stringify({ ok: 'x', 'story.count': 3 }));
    expect(() => loadCatalogs(dir, ['ar'])).toThrow(/locale "ar".*ar\.json[\s\S]*"story\.count"/);
    write('fa', JSON.stringify(['x']));
    expect(() => loadCatalogs(dir, ['fa'])).toThrow(/locale "fa".*flat object of strings/);
    write('fa', JSON.stringify({ nested: { a: 'x' } }));
    expect(() => loadCatalogs(dir, ['fa'])).toThrow(/"nested"/);
  });

  it('fails at load on ICU syntax errors, naming locale and every bad key', () => {
    write('de', JSON.stringify({ good: 'Gut', 'story.moreFrom': 'Mehr aus {section', 'story.count': '{n, plural, one {#}}' }));
    let message = '';
    try {
      loadCatalogs(dir, ['de']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/locale "de".*de\.json/);
    expect(message).toContain('"story.moreFrom"');
    expect(message).toContain('"story.count"');
    expect(message).not.toContain('"good"');
  });

  it('refuses a locale that is not a language tag before touching the file system', () => {
    expect(() => loadCatalogs(dir, ['../secrets'])).toThrow(/Invalid locale "\.\.\/secrets"/);
  });
});
