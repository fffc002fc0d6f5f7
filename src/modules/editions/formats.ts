/**
 * Locale-aware date and number formatting. Building an Intl formatter is far more expensive than
 * using one and these run on every page view, so instances are cached per locale + options.
 * Output follows CLDR defaults for each locale (see README: Persian uses the Solar Hijri calendar
 * and Persian digits). An invalid locale, time zone or date throws a RangeError.
 */
export type DateStyle = 'medium' | 'long';

export interface DateFormatOptions {
  /** Defaults to 'medium': en "Jul 2, 2014", tr "2 Tem 2014", ar "2 يوليو 2014". */
  readonly style?: DateStyle;
  /** IANA time zone the date is shown in; defaults to 'UTC'. */
  readonly timeZone?: string;
  /** A CLDR numbering system ("latn", "arab", "arabext"); defaults to the locale's own. */
  readonly digits?: string;
}

/**
 * Languages whose CLDR medium date is all digits (ar "02/07/2014"): their medium date names the
 * month like every other edition's, so it is their long date ("2 يوليو 2014").
 */
const NUMERIC_MEDIUM_DATE = new Set(['ar']);
const language = (locale: string) => locale.split('-')[0] ?? locale;

export interface DateTimeFormatOptions {
  readonly timeZone?: string;
}

const MAX_CACHED = 500;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** A calendar date, e.g. en "Jul 2, 2014" / "July 2, 2014", tr "2 Tem 2014", ar "2 يوليو 2014", fa "۱۱ تیر ۱۳۹۳". */
export function formatDate(date: Date, locale: string, options: DateFormatOptions = {}): string {
  const { timeZone = 'UTC', digits } = options;
  const style = options.style === 'long' || NUMERIC_MEDIUM_DATE.has(language(locale)) ? 'long' : 'medium';
  const format = cached(
    dateFormats,
    `${locale}|${style}|${timeZone}|${digits ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone, ...(digits && { numberingSystem: digits }) }),
  );
  return format.format(date);
}

/** Medium date with short time, e.g. en "Jul 2, 2014, 12:00 PM", tr "2 Tem 2014 12:00". */
export function formatDateTime(date: Date, locale: string, options: DateTimeFormatOptions = {}): string {
  const { timeZone = 'UTC' } = options;
  const format = cached(
    dateFormats,
    `${locale}|datetime|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  );
  return format.format(date);
}

/** A number with the locale's digits (or `digits`, a CLDR numbering system) and separators, e.g. en "1,234.5", tr "1.234,5". */
export function formatNumber(n: number, locale: string, digits?: string): string {
  return cached(
    numberFormats,
    `${locale}|${digits ?? ''}`,
    () => new Intl.NumberFormat(locale, digits ? { numberingSystem: digits } : {}),
  ).format(n);
}
