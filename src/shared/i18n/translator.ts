/** Turns catalog keys into localized plain text for one edition. */
import type { Catalogs } from './catalogs.js';
import type { MessageKey } from './message-key.js';
import { createFormatter, type MessageValues } from './message-format.js';

export type { MessageValues };

export interface Translator<K extends string = MessageKey> {
  readonly locale: string;
  /**
   * The message for `key` in `locale`, else in the fallback locale, else `key` itself. Returns
   * plain text: escape it when writing HTML (the `html` template tag does).
   */
  t(key: K, values?: MessageValues): string;
}

const translators = new WeakMap<Catalogs, Map<string, Translator<string>>>();

/**
 * One translator per catalogs + locale + fallback, created on first use and reused afterwards.
 * Throws if either locale has no loaded catalog: that is a configuration error. `K` is the key
 * type: the server's catalogs (`MessageKey`, from locales/en.json) unless a test loads others.
 */
export function createTranslator<K extends string = MessageKey>(catalogs: Catalogs, locale: string, fallbackLocale: string): Translator<K> {
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

  const t = createFormatter<string>(locale, primary.messages, fallbackLocale, fallback.messages);
  const translator: Translator<string> = Object.freeze({ locale, t });
  byLocale.set(cacheKey, translator);
  return translator;
}
