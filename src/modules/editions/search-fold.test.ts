import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-fold.js';

describe('foldForSearch', () => {
  it('makes every spelling of Istanbul meet', () => {
    expect(foldForSearch('İstanbul')).toBe('istanbul');
    expect(foldForSearch('İstanbul', 'tr')).toBe('istanbul');
    expect(foldForSearch('ISTANBUL', 'tr')).toBe('istanbul');
    expect(foldForSearch('ISTANBUL')).toBe('istanbul');
    expect(foldForSearch('istanbul', 'tr')).toBe('istanbul');
    expect(foldForSearch('Istanbul')).toBe('istanbul');
  });

  it('folds Turkish letters', () => {
    expect(foldForSearch('Işık', 'tr')).toBe('isik');
    expect(foldForSearch('Işık')).toBe('isik');
    expect(foldForSearch('ÇĞÖŞÜ çğöşü', 'tr')).toBe('cgosu cgosu');
  });

  it('folds Latin accents and ß', () => {
    expect(foldForSearch('Straße Café Ærø Łódź')).toBe('strasse cafe aero lodz');
  });

  it('normalizes Arabic marks and letter variants', () => {
    expect(foldForSearch('أَحْمَد', 'ar')).toBe('احمد');
    expect(foldForSearch('إلى الـــقاهرة', 'ar')).toBe('الي القاهره');
    expect(foldForSearch('آمنة مدرسة على')).toBe('امنه مدرسه علي');
    expect(foldForSearch('ﻟﻠﻪ')).toBe(foldForSearch('لله'));
  });

  it('lets Persian and Arabic keyboard spellings and digits meet', () => {
    expect(foldForSearch('کتاب یک ۱۴۰۳', 'fa')).toBe(foldForSearch('كتاب يك 1403', 'ar'));
    expect(foldForSearch('٢٠٢٤')).toBe('2024');
  });

  it('collapses whitespace and drops invisible characters', () => {
    expect(foldForSearch('  breaking\n\tnews \u200F ')).toBe('breaking news');
    expect(foldForSearch('می‌خواهم', 'fa')).toBe('مي خواهم');
  });

  it('keeps vowel signs of scripts where they are letters', () => {
    expect(foldForSearch('हिंदी')).toBe('हिंदी');
  });
});
