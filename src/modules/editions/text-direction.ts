/** Writing direction of a locale, for `<html dir>` and layout mirroring. */
export type TextDirection = 'ltr' | 'rtl';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'ckb', 'yi', 'ji', 'dv', 'sd', 'ug']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);
const SCRIPT_SUBTAG = /^[a-z]{4}$/;

/**
 * `rtl` for right-to-left languages and their regional tags (`ar-EG`, `fa-IR`); an explicit
 * script subtag decides when present (`az-Arab` is rtl, `ku-Latn`/`sd-Deva` ltr).
 */
export function textDirection(locale: string): TextDirection {
  const [language = '', second = ''] = locale.toLowerCase().split(/[-_]/);
  if (SCRIPT_SUBTAG.test(second)) return RTL_SCRIPTS.has(second) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
