/**
 * URL slugs from titles. Latin script is transliterated to ASCII (with Turkish and German rules);
 * other scripts keep their letters (Arabic-script slugs are normal for Arabic and Persian news
 * sites), minus optional vowel marks and tatweel. Digits become ASCII.
 */
import {
  ARABIC_MARKS,
  FORMAT_CHARACTERS,
  foldLatinLetters,
  lowercase,
  primaryLanguageOf,
  stripLatinDiacritics,
  toAsciiDigits,
} from './letter-folding.js';

export const MAX_SLUG_LENGTH = 80;

const GERMAN_UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };
/** Apostrophes join rather than split: "İstanbul'da" → "istanbulda", "don't" → "dont". */
const APOSTROPHES = /['‘’ʼ`´]/g;
/** Anything that is not a letter, digit or a mark on one, with the marks that follow it. */
const SEPARATORS = /(?:[^\p{L}\p{M}\p{N}]\p{M}*)+/gu;
const LEADING_MARKS = /^\p{M}+/u;
const MARK = /^\p{M}$/u;

/** Cuts to at most `max` characters, at the last hyphen when the cut would split a word. */
function truncate(slug: string, max: number): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  if (chars[max] === '-') return chars.slice(0, max).join('');
  const head = chars.slice(0, max).join('');
  const lastHyphen = head.lastIndexOf('-');
  if (lastHyphen > 0) return head.slice(0, lastHyphen);
  // One overlong word: cut it, but never between a letter and its marks.
  let end = max;
  while (end > 0 && MARK.test(chars[end] ?? '')) end--;
  return chars.slice(0, end).join('');
}

/**
 * "İSTANBUL'da Işık" (tr) → "istanbulda-isik"; "Müller über Öl" (de) → "mueller-ueber-oel";
 * "مرحبًا بالعالم ٢٠٢٤" (ar) → "مرحبا-بالعالم-2024". At most MAX_SLUG_LENGTH characters.
 * Returns '' when nothing usable remains; the caller picks a fallback.
 */
export function slugify(text: string, locale: string): string {
  let slug = lowercase(text.normalize('NFKC').replace(FORMAT_CHARACTERS, ''), locale);
  if (primaryLanguageOf(locale) === 'de') slug = slug.replace(/[äöü]/g, (c) => GERMAN_UMLAUTS[c] ?? c);
  slug = foldLatinLetters(stripLatinDiacritics(slug));
  slug = toAsciiDigits(slug.replace(ARABIC_MARKS, ''));
  slug = slug
    .replace(APOSTROPHES, '')
    .replace(LEADING_MARKS, '')
    .replace(SEPARATORS, '-')
    .replace(/^-+|-+$/g, '');
  return truncate(slug, MAX_SLUG_LENGTH);
}
