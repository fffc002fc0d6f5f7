import { describe, expect, it } from 'vitest';
import { textDirection } from './text-direction.js';

describe('textDirection', () => {
  it('is rtl for right-to-left languages and their regional tags', () => {
    for (const locale of ['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug', 'ar-EG', 'fa-IR', 'FA_af']) {
      expect(textDirection(locale), locale).toBe('rtl');
    }
  });

  it('is ltr for everything else', () => {
    for (const locale of ['en', 'tr', 'tr-TR', 'de', 'zh-Hant-TW', '', 'nonsense']) {
      expect(textDirection(locale), locale).toBe('ltr');
    }
  });

  it('follows an explicit script subtag', () => {
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('sd-Deva')).toBe('ltr');
    expect(textDirection('ku-Latn')).toBe('ltr');
  });
});
