/** A language's name in that language, for language switchers ("Türkçe", "العربية"). */
const MAX_CACHED = 200;
const names = new Map<string, string>();

/**
 * The endonym of `locale`, first letter uppercased with the locale's own casing rules
 * (en "English", tr "Türkçe", ar "العربية", fa "فارسی"). Throws a RangeError for an invalid tag.
 */
export function languageName(locale: string): string {
  let name = names.get(locale);
  if (name === undefined) {
    const raw = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    const first = String.fromCodePoint(raw.codePointAt(0) ?? 0x20);
    name = raw.length === 0 ? locale : first.toLocaleUpperCase(locale) + raw.slice(first.length);
    if (names.size >= MAX_CACHED) names.clear();
    names.set(locale, name);
  }
  return name;
}
