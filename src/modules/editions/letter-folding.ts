/**
 * Character-level folds shared by slugs and search: Latin letters that Unicode normalization does
 * not decompose, Arabic-script vowel marks and tatweel, and non-ASCII decimal digits.
 */

/** Lowercase Latin letters with no canonical decomposition, mapped to their ASCII spelling. */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ŀ: 'l',
  ħ: 'h',
};
const LATIN_LETTER = /[ıßæœøđðþłŀħ]/g;

/** Folds ı→i, ß→ss, ł→l, ø→o… in lowercased text. */
export function foldLatinLetters(text: string): string {
  return text.replace(LATIN_LETTER, (c) => LATIN_LETTERS[c] ?? c);
}

/** Latin letters with their combining marks removed (é→e, ş→s, ğ→g); other scripts untouched. */
export function stripLatinDiacritics(text: string): string {
  return text.replace(/\p{Script=Latin}\p{M}*/gu, (cluster) =>
    cluster.length === 1 && cluster.charCodeAt(0) < 0x80 ? cluster : cluster.normalize('NFD').replace(/\p{M}/gu, ''),
  );
}

/**
 * Arabic-script harakat/tashkeel (U+064B–U+065F), superscript alef (U+0670), Quranic annotation
 * marks (U+0610–U+061A, U+06D6–U+06ED) and tatweel (U+0640). Optional in running text.
 */
// oxlint-disable-next-line eslint/no-misleading-character-class -- each mark is matched on its own, to be stripped
export const ARABIC_MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;

/** Arabic-Indic (٠–٩) and Extended Arabic-Indic / Persian (۰–۹) digits → ASCII 0–9. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0x0f));
}

/** Invisible format characters: ZWNJ/ZWJ, bidi marks and embeddings, soft hyphen, BOM. */
export const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** The primary language subtag, lowercased ("fa-IR" → "fa"). */
export function primaryLanguageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/, 1)[0] ?? '';
}

/**
 * Lowercases with Turkish rules for Turkish and Azerbaijani (İ→i, I→ı) and root rules otherwise;
 * never with the process's default locale.
 */
export function lowercase(text: string, locale: string | undefined): string {
  const language = locale === undefined ? '' : primaryLanguageOf(locale);
  return language === 'tr' || language === 'az' ? text.toLocaleLowerCase('tr') : text.toLowerCase();
}
