import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from './slugify.js';

describe('slugify', () => {
  it('transliterates Turkish with Turkish casing', () => {
    expect(slugify('İSTANBUL', 'tr')).toBe('istanbul');
    expect(slugify('Işık Üniversitesi’nde çığ düştü', 'tr')).toBe('isik-universitesinde-cig-dustu');
    expect(slugify("İzmir'de Ağaç Şenliği: Gölcük & Ödemiş", 'tr')).toBe('izmirde-agac-senligi-golcuk-odemis');
  });

  it('folds dotted capital I in any locale without leaving a stray dot', () => {
    expect(slugify('İstanbul', 'en')).toBe('istanbul');
  });

  it('uses ae/oe/ue for German and plain letters elsewhere', () => {
    expect(slugify('Müller über Öl-Straße', 'de')).toBe('mueller-ueber-oel-strasse');
    expect(slugify('Müller über Öl', 'en')).toBe('muller-uber-ol');
    expect(slugify('Café déjà vu in Łódź', 'en')).toBe('cafe-deja-vu-in-lodz');
  });

  it('collapses punctuation and trims hyphens', () => {
    expect(slugify('  — Breaking: Markets (again)!  ', 'en')).toBe('breaking-markets-again');
    expect(slugify("Don't panic", 'en')).toBe('dont-panic');
  });

  it('keeps Arabic letters, drops harakat and tatweel, uses ASCII digits', () => {
    expect(slugify('مرحبًا بالعالم', 'ar')).toBe('مرحبا-بالعالم');
    expect(slugify('الـــقاهرة، ٢٠٢٤؟', 'ar')).toBe('القاهرة-2024');
    expect(slugify('أَحْمَدُ إلى', 'ar')).toBe('أحمد-إلى');
  });

  it('keeps Persian letters as written and converts Persian digits', () => {
    expect(slugify('انتخابات ۱۴۰۳ در ایران', 'fa')).toBe('انتخابات-1403-در-ایران');
    expect(slugify('کتاب‌های تازه', 'fa')).toBe('کتابهای-تازه');
  });

  it('returns an empty string when nothing usable remains', () => {
    expect(slugify('!!! ??? —', 'en')).toBe('');
    expect(slugify('', 'ar')).toBe('');
    expect(slugify('ـــ ً', 'ar')).toBe('');
  });

  it(`caps slugs at ${MAX_SLUG_LENGTH} characters on a word boundary`, () => {
    const title = 'The quick brown fox jumps over the lazy dog and keeps running far beyond the horizon line';
    const slug = slugify(title, 'en');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('the-quick-brown-fox-jumps-over-the-lazy-dog-and-keeps-running-far-beyond-the');
    expect(slugify('x'.repeat(200), 'en')).toBe('x'.repeat(MAX_SLUG_LENGTH));
    const arabic = slugify(Array.from({ length: 40 }, () => 'القاهرة').join(' '), 'ar');
    expect(Array.from(arabic).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(arabic.endsWith('القاهرة')).toBe(true);
  });
});
