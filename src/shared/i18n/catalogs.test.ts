/**
 * The catalog test: every `locales/*.json` parses and compiles for its locale, has exactly the
 * English keys and no arguments English lacks; every key the source uses exists in English and
 * every English key is used. Keys are found by literal translator calls (see catalog-keys.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findKeyUsages, literalTextProblem, messageArguments } from './catalog-keys.js';
import { loadCatalogs, type Catalog } from './catalogs.js';

const LOCALES_DIR = fileURLToPath(new URL('../../../locales', import.meta.url));
const SOURCE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE = 'en';

const locales = existsSync(LOCALES_DIR)
  ? readdirSync(LOCALES_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort()
  : [];

function load(locale: string): Catalog {
  const catalog = loadCatalogs(LOCALES_DIR, [locale]).get(locale);
  if (catalog === undefined) throw new Error(`loadCatalogs returned no catalog for "${locale}"`);
  return catalog;
}

const keysOf = (catalog: Catalog) => new Set(catalog.messages.keys());
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('message catalogs in locales/', () => {
  it(`include ${REFERENCE}.json`, () => {
    expect(
      locales,
      `No ${REFERENCE}.json in ${LOCALES_DIR}: catalogs are locales/<locale>.json (flat key → ICU message); ` +
        `found ${locales.length === 0 ? 'no catalogs at all' : locales.map((l) => `${l}.json`).join(', ')}`,
    ).toContain(REFERENCE);
  });

  for (const locale of locales) {
    describe(`${locale}.json`, () => {
      it('parses, and every message compiles for its locale', () => {
        expect(() => load(locale)).not.toThrow();
      });

      it('reads as written: no apostrophe lost to ICU quoting, no stray braces', () => {
        const sources = JSON.parse(readFileSync(load(locale).file, 'utf8')) as Record<string, string>;
        const problems: string[] = [];
        for (const [key, message] of load(locale).messages) {
          const problem = literalTextProblem(sources[key] ?? '', message);
          if (problem) problems.push(`${key}: ${problem}`);
        }
        expect(problems, `${locale}.json`).toEqual([]);
      });

      if (locale === REFERENCE || !locales.includes(REFERENCE)) return;

      it(`has exactly the keys of ${REFERENCE}.json`, () => {
        const reference = keysOf(load(REFERENCE));
        const own = keysOf(load(locale));
        const missing = sorted([...reference].filter((key) => !own.has(key)));
        const extra = sorted([...own].filter((key) => !reference.has(key)));
        expect(
          { missing, extra },
          `${locale}.json must have exactly the keys of ${REFERENCE}.json (missing: not translated; extra: not in ${REFERENCE})`,
        ).toEqual({ missing: [], extra: [] });
      });

      it(`uses no message arguments that ${REFERENCE}.json does not provide`, () => {
        const reference = load(REFERENCE).messages;
        const unknown: string[] = [];
        for (const [key, message] of load(locale).messages) {
          const expected = reference.get(key);
          if (expected === undefined) continue;
          const provided = messageArguments(expected);
          for (const name of messageArguments(message)) {
            if (!provided.has(name)) unknown.push(`${key}: {${name}}`);
          }
        }
        expect(unknown, `${locale}.json reads arguments the callers (per ${REFERENCE}.json) never pass`).toEqual([]);
      });
    });
  }

  describe(`keys used in src/ against ${REFERENCE}.json`, () => {
    const usages = findKeyUsages(SOURCE_DIR);
    const reference = () => keysOf(load(REFERENCE));

    it(`every key used in src/ exists in ${REFERENCE}.json`, () => {
      const known = reference();
      const missing = sorted([...usages.keys()].filter((key) => !known.has(key))).map(
        (key) => `${key} (used in ${usages.get(key)?.join(', ')})`,
      );
      expect(missing, `keys used in src/ but missing from locales/${REFERENCE}.json`).toEqual([]);
    });

    it(`every key in ${REFERENCE}.json is used in src/`, () => {
      const unused = sorted([...reference()].filter((key) => !usages.has(key)));
      expect(
        unused,
        `keys in locales/${REFERENCE}.json that no src/ file uses with a literal t('…') call: remove them or use them`,
      ).toEqual([]);
    });
  });
});
