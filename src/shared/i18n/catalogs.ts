/**
 * UI message catalogs: `<dir>/<locale>.json`, a flat object of key → ICU MessageFormat string.
 * Loaded once at start; every message is compiled up front so a broken catalog stops the process
 * with a message naming the file, locale and keys instead of breaking a page later.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compileCatalog, type CompiledMessages } from './message-format.js';

export interface Catalog {
  readonly locale: string;
  readonly file: string;
  /** Compiled messages by key, in file order. */
  readonly messages: CompiledMessages;
}

/** Loaded catalogs by locale. */
export type Catalogs = ReadonlyMap<string, Catalog>;

const CatalogFile = z.record(z.string(), z.string());

function readCatalogFile(file: string, locale: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read message catalog for locale "${locale}" at ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid JSON in message catalog for locale "${locale}" at ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = CatalogFile.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length === 0 ? '(file)' : JSON.stringify(issue.path.join('.'));
      return `${where}: ${issue.message}`;
    });
    throw new Error(`Message catalog for locale "${locale}" at ${file} must be a flat object of strings:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

function loadCatalog(dir: string, locale: string): Catalog {
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new Error(`Invalid locale "${locale}": cannot load a message catalog for it from ${dir}`);
  }
  const file = join(dir, `${locale}.json`);
  const messages = compileCatalog(readCatalogFile(file, locale), locale, file);
  return { locale, file, messages };
}

/** Reads and compiles `<dir>/<locale>.json` for each locale, synchronously. Throws on any problem. */
export function loadCatalogs(dir: string, locales: readonly string[]): Catalogs {
  const catalogs = new Map<string, Catalog>();
  for (const locale of locales) {
    if (!catalogs.has(locale)) catalogs.set(locale, loadCatalog(dir, locale));
  }
  return catalogs;
}
