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

/**
 * The scripts whose words a slug of each language is written in, beyond the lower-case Latin
 * letters every slug may hold (slugify leaves Latin words in any title: "iphone", "nato").
 * `marks`: the script needs combining marks to spell words (vowel signs), so they are allowed after
 * a letter; Arabic-script harakat are optional and slugify drops them, so they are not.
 */
const SCRIPT_OF_LANGUAGE: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  fa: 'Arabic',
  ur: 'Arabic',
  ps: 'Arabic',
  ku: 'Arabic',
  ug: 'Arabic',
  he: 'Hebrew',
  yi: 'Hebrew',
  ru: 'Cyrillic',
  uk: 'Cyrillic',
  bg: 'Cyrillic',
  sr: 'Cyrillic',
  mk: 'Cyrillic',
  be: 'Cyrillic',
  kk: 'Cyrillic',
  ky: 'Cyrillic',
  mn: 'Cyrillic',
  el: 'Greek',
  hy: 'Armenian',
  ka: 'Georgian',
  hi: 'Devanagari',
  mr: 'Devanagari',
  ne: 'Devanagari',
  bn: 'Bengali',
  pa: 'Gurmukhi',
  gu: 'Gujarati',
  ta: 'Tamil',
  te: 'Telugu',
  kn: 'Kannada',
  ml: 'Malayalam',
  si: 'Sinhala',
  th: 'Thai',
  lo: 'Lao',
  my: 'Myanmar',
  km: 'Khmer',
  am: 'Ethiopic',
  zh: 'Han',
  ja: 'Japanese',
  ko: 'Hangul',
};
const SCRIPTS_WITH_MARKS = new Set([
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Myanmar',
  'Khmer',
  'Hebrew',
]);
/** Persian writes some words in parts joined by a zero-width non-joiner (می‌شود). */
const ZWNJ = '\u200C';
const ZWNJ_LANGUAGES = new Set(['fa']);

function scriptTest(script: string | undefined): (c: string) => boolean {
  if (!script) return () => false;
  if (script === 'Japanese') return (c) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u.test(c);
  const pattern = new RegExp(`\\p{Script=${script}}`, 'u');
  return (c) => pattern.test(c);
}

/**
 * Why a slug is not in its language's alphabet, or null when it is. The alphabet: lower-case
 * letters of Latin script and of the language's own script, ASCII digits and the script's own,
 * combining marks after a letter where the script needs them, ZWNJ inside a Persian word, and
 * single hyphens between words. Nothing else: no dots (`.` and `..` are not reachable pages), no
 * spaces, no bidi controls (U+202E) or other invisible or control characters, no punctuation.
 */
export function slugProblem(slug: string, locale: string): string | null {
  const language = primaryLanguageOf(locale);
  const script = SCRIPT_OF_LANGUAGE[language];
  const inScript = scriptTest(script);
  const marks = script !== undefined && SCRIPTS_WITH_MARKS.has(script);
  const chars = Array.from(slug);
  if (chars.length === 0) return 'a slug cannot be empty';
  if (slug !== slug.normalize('NFC')) return 'a slug must be in Unicode normal form C';
  let previous = '';
  for (const c of chars) {
    const code = c.codePointAt(0) ?? 0;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (c === '-') {
      if (previous === '' || previous === '-' || previous === ZWNJ) return 'hyphens go between words, one at a time';
    } else if (c === ZWNJ) {
      if (!ZWNJ_LANGUAGES.has(language) || previous === '' || previous === '-' || previous === ZWNJ)
        return `${name} (zero-width non-joiner) is not allowed here`;
    } else if (/\p{M}/u.test(c)) {
      if (!marks || !(inScript(c) || /\p{Script=Inherited}/u.test(c)) || previous === '' || previous === '-' || previous === ZWNJ) {
        return `${name} (a combining mark) is not allowed here`;
      }
    } else if (/\p{L}/u.test(c)) {
      const latin = /\p{Script=Latin}/u.test(c);
      if (!latin && !inScript(c)) return `${name} is not a letter of this language's script`;
      if (lowercase(c, locale) !== c) return 'letters must be lower-case';
    } else if (/\p{Nd}/u.test(c)) {
      if (!/[0-9]/.test(c) && !inScript(c)) return `${name} is not a digit of this language`;
    } else {
      return `${name} is not allowed in a slug: only letters, digits and hyphens`;
    }
    previous = c;
  }
  if (previous === '-' || previous === ZWNJ) return 'a slug cannot end with a hyphen';
  return null;
}
