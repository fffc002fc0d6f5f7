/** Turns catalog keys into localized plain text for one edition. */
import type { Catalogs } from './catalogs.js';

export type MessageValues = Record<string, string | number | Date>;

export interface Translator {
  readonly locale: string;
  /**
   * The message for `key` in `locale`, else in the fallback locale, else `key` itself. Returns
   * plain text: escape it when writing HTML (the `html` template tag does).
   */
  t(key: string, values?: MessageValues): string;
}

const translators = new WeakMap<Catalogs, Map<string, Translator>>();

/**
 * One translator per catalogs + locale + fallback, created on first use and reused afterwards.
 * Throws if either locale has no loaded catalog: that is a configuration error.
 */
export function createTranslator(catalogs: Catalogs, locale: string, fallbackLocale: string): Translator {
  let byLocale = translators.get(catalogs);
  if (byLocale === undefined) {
    byLocale = new Map();
    translators.set(catalogs, byLocale);
  }
  const cacheKey = `${locale}\u0000${fallbackLocale}`;
  const existing = byLocale.get(cacheKey);
  if (existing !== undefined) return existing;

  const loaded = () => [...catalogs.keys()].join(', ') || 'none';
  const primary = catalogs.get(locale);
  if (primary === undefined) throw new Error(`No message catalog loaded for locale "${locale}" (loaded: ${loaded()})`);
  const fallback = catalogs.get(fallbackLocale);
  if (fallback === undefined) {
    throw new Error(`No message catalog loaded for fallback locale "${fallbackLocale}" (loaded: ${loaded()})`);
  }

  const t = (key: string, values?: MessageValues): string => {
    const own = primary.messages.get(key);
    const message = own ?? fallback.messages.get(key);
    if (message === undefined) return key;
    try {
      const output = message.format(values);
      return Array.isArray(output) ? output.join('') : String(output);
    } catch (error) {
      const from = own ? locale : fallbackLocale;
      throw new Error(`Cannot format message "${key}" (${from}): ${(error as Error).message}`, { cause: error });
    }
  };
  const translator: Translator = Object.freeze({ locale, t });
  byLocale.set(cacheKey, translator);
  return translator;
}
