/**
 * The app's i18n layer: flat catalogs (en.json, tr.json) of ICU MessageFormat messages, formatted by
 * the same engine as the server's (src/shared/i18n/message-format.ts). Keys are typed from en.json,
 * so a missing or misspelled key does not compile. The language is the staff member's choice (kept
 * in localStorage), else the browser's, else English.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  createFormatter,
  lazyCatalog,
  type FormatByKey,
  type MessageLookup,
  type MessageValues,
} from '../../../src/shared/i18n/message-format';
import en from './en.json';
import tr from './tr.json';

export type MessageKey = keyof typeof en;
/** Values a message reads: numbers are formatted for the language (and pick plural forms). */
export type Vars = MessageValues;

export const LANGUAGES = { en: 'English', tr: 'Türkçe' } as const;
export type Language = keyof typeof LANGUAGES;

/** tr.json must have every key of en.json (checked here by type, and both ways by catalog.test.ts). */
export const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, tr };
const STORAGE_KEY = 'masthead.admin.language';
const FALLBACK: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/** Each language's messages, compiled on first use (the catalog test compiles them all up front). */
const LOOKUPS: Record<Language, MessageLookup> = { en: lazyCatalog(en, 'en'), tr: lazyCatalog(tr, 'tr') };
const FORMATTERS: Record<Language, FormatByKey<MessageKey>> = {
  en: createFormatter('en', LOOKUPS.en, FALLBACK, LOOKUPS[FALLBACK]),
  tr: createFormatter('tr', LOOKUPS.tr, FALLBACK, LOOKUPS[FALLBACK]),
};

/** The message for `key` in `language` (else English, else the key), formatted with `vars`. */
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return FORMATTERS[language](key, vars);
}

export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy settings); the browser's language decides then.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, vars?: Vars): string;
  /** "12 Jul 2014" */
  date(value: string | Date | null | undefined): string;
  /** "12 Jul 2014, 14:05" */
  dateTime(value: string | Date | null | undefined): string;
  /** The name of a language in the interface language ("Turkish", "Türkçe"). */
  languageName(locale: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function parse(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched for this visit.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      names = null;
    }
    return {
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      date: (v) => {
        const d = parse(v);
        return d ? dateFormat.format(d) : '';
      },
      dateTime: (v) => {
        const d = parse(v);
        return d ? dateTimeFormat.format(d) : '';
      },
      languageName: (locale) => {
        const name = names?.of(locale);
        return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : locale;
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
