/**
 * The app's tiny i18n layer: flat catalogs (en.json, tr.json) with {name} placeholders. The language
 * is the staff member's choice (kept in localStorage), else the browser's, else English.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from './en.json';
import tr from './tr.json';

export type MessageKey = keyof typeof en;
export type Vars = Record<string, string | number>;

export const LANGUAGES = { en: 'English', tr: 'Türkçe' } as const;
export type Language = keyof typeof LANGUAGES;

/** tr.json must have every key of en.json (checked here by type, and both ways by catalog.test.ts). */
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, tr };
const STORAGE_KEY = 'masthead.admin.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return format(CATALOGS[language][key] ?? CATALOGS.en[key] ?? key, vars);
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
    const dateTimeFormat = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
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
