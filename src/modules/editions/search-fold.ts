/**
 * Folding for full-text search, applied identically to indexed text and to queries so that
 * spelling variants readers type meet: case, accents, Turkish dotted/dotless i, Arabic vowel
 * marks, alef/yeh/kaf/teh-marbuta variants and Arabic-Indic digits.
 */
import { ARABIC_MARKS, FORMAT_CHARACTERS, foldLatinLetters, lowercase, toAsciiDigits } from './letter-folding.js';

/**
 * Combining marks that are diacritics (Script=Inherited, e.g. U+0301, U+0307, harakat; and Hebrew
 * points). Vowel signs of Brahmic and Southeast Asian scripts carry their own script and are
 * letters in function, so they stay ("हिंदी" must not fold to "हद").
 */
const DIACRITICS = /(?=\p{M})(?:\p{Script=Inherited}|\p{Script=Hebrew})/gu;
const ZWNJ = /\u200C/g;

/** Arabic-script letter variants folded to one spelling (Persian ی/ک meet Arabic ي/ك). */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
  ۀ: 'ه',
};
const ARABIC_LETTER = /[أإآٱىیکةۀ]/g;

/**
 * "İstanbul", "ISTANBUL" (tr), "Istanbul" → "istanbul"; "Işık" → "isik"; "أَحْمَد" → "احمد".
 * Whitespace runs become one space; punctuation is left for the tokenizer.
 */
export function foldForSearch(text: string, locale?: string): string {
  let folded = lowercase(text.replace(ZWNJ, ' '), locale).replace(ARABIC_LETTER, (c) => ARABIC_LETTERS[c] ?? c);
  folded = lowercase(folded.normalize('NFKD'), locale).replace(FORMAT_CHARACTERS, '').replace(DIACRITICS, '').replace(ARABIC_MARKS, '');
  return toAsciiDigits(foldLatinLetters(folded)).replace(/\s+/gu, ' ').trim();
}
