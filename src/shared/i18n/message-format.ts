/**
 * The one ICU MessageFormat engine, shared by the server (catalogs.ts, translator.ts) and the
 * newsroom app (admin/src/i18n/i18n.tsx imports this file). Browser-safe: it imports nothing but
 * `intl-messageformat`, so keep Node APIs (fs, path) out of it.
 */
import { IntlMessageFormat } from 'intl-messageformat';

/** Values a message reads. Numbers are formatted with the locale's Intl.NumberFormat. */
export type MessageValues = Record<string, string | number | Date>;

/** Compiled messages by key, in catalog order. */
export type CompiledMessages = ReadonlyMap<string, IntlMessageFormat>;

/** Where a formatter finds a key's compiled message: a `CompiledMessages` map, or a lazy lookup. */
export interface MessageLookup {
  get(key: string): IntlMessageFormat | undefined;
}

/**
 * Messages are plain text: `<b>` in a message is literal text (the HTML layer or React escapes
 * it), never a rich-text tag that would need a formatter function.
 */
export function compileMessage(message: string, locale: string): IntlMessageFormat {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
}

function describeSyntaxError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const start = (error as { location?: { start?: { line?: number; column?: number } } }).location?.start;
  return start ? `${error.message} at line ${start.line}, column ${start.column}` : error.message;
}

/**
 * Compiles a flat key → ICU message catalog for `locale`. Throws one `Error` naming `where` (the
 * catalog's file or name), the locale and every key whose message does not compile.
 */
export function compileCatalog(entries: Readonly<Record<string, string>>, locale: string, where: string): CompiledMessages {
  const messages = new Map<string, IntlMessageFormat>();
  const problems: string[] = [];
  for (const [key, message] of Object.entries(entries)) {
    try {
      messages.set(key, compileMessage(message, locale));
    } catch (error) {
      problems.push(`${JSON.stringify(key)}: ${describeSyntaxError(error)} in ${JSON.stringify(message)}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Invalid ICU messages in catalog for locale "${locale}" at ${where}:\n  ${problems.join('\n  ')}`);
  }
  return messages;
}

/**
 * A lookup that compiles each message of `entries` on first use and keeps it: for the browser, where
 * compiling a whole catalog up front would delay the first screen (the catalog test compiles all).
 */
export function lazyCatalog(entries: Readonly<Record<string, string>>, locale: string): MessageLookup {
  const compiled = new Map<string, IntlMessageFormat>();
  return {
    get(key) {
      const known = compiled.get(key);
      if (known !== undefined || !Object.hasOwn(entries, key)) return known;
      const message = compileMessage(entries[key] as string, locale);
      compiled.set(key, message);
      return message;
    },
  };
}

/** Formats a compiled message to plain text. */
export function formatMessage(message: IntlMessageFormat, values?: MessageValues): string {
  const output = message.format(values);
  return Array.isArray(output) ? output.join('') : String(output);
}

/** Looks up and formats messages by key; `K` is the catalog's key type, so a misspelled key does not compile. */
export type FormatByKey<K extends string> = (key: K, values?: MessageValues) => string;

/**
 * The message for `key` in `locale`, else in the fallback locale (formatted with the fallback's
 * plural rules), else `key` itself. A message whose argument is not supplied throws, naming the key.
 */
export function createFormatter<K extends string>(
  locale: string,
  primary: MessageLookup,
  fallbackLocale: string,
  fallback: MessageLookup,
): FormatByKey<K> {
  return (key, values) => {
    const own = primary.get(key);
    const message = own ?? fallback.get(key);
    if (message === undefined) return key;
    try {
      return formatMessage(message, values);
    } catch (error) {
      const from = own ? locale : fallbackLocale;
      throw new Error(`Cannot format message "${key}" (${from}): ${(error as Error).message}`, { cause: error });
    }
  };
}
