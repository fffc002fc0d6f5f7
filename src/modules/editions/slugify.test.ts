import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify, slugProblem } from './slugify.js';

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

describe('slug alphabet per language (slugProblem)', () => {
  const titles: Array<[string, string]> = [
    ['en', 'Café déjà vu in Łódź, 2024'],
    ['tr', "İzmir'de Ağaç Şenliği: Gölcük & Ödemiş"],
    ['ar', 'الـــقاهرة، ٢٠٢٤؟ iPhone'],
    ['fa', 'کتاب‌های تازه ۱۴۰۳'],
    ['ru', 'Новости Москвы 2024'],
    ['hi', 'नई दिल्ली में बारिश'],
    ['th', 'ข่าวกรุงเทพ'],
    ['ja', '東京のニュース'],
  ];

  it('accepts every slug that slugify makes', () => {
    for (const [locale, title] of titles)
      expect(slugProblem(slugify(title, locale), locale), `${locale}: ${slugify(title, locale)}`).toBeNull();
  });

  it("accepts the language's own letters, digits, needed marks, and ZWNJ inside a Persian word", () => {
    expect(slugProblem('ekonomide-büyüme-2024', 'tr')).toBeNull();
    expect(slugProblem('القاهرة-٢٠٢٤', 'ar')).toBeNull();
    expect(slugProblem('می‌شود-۱۴۰۳', 'fa')).toBeNull();
    expect(slugProblem('नई-दिल्ली', 'hi')).toBeNull();
  });

  it('refuses dot segments, separators, punctuation and upper case in every language', () => {
    for (const locale of ['en', 'tr', 'ar', 'fa']) {
      for (const slug of ['.', '..', '...', 'a.b', 'a b', 'a/b', 'a_b', 'a--b', '-a', 'a-', 'a?', 'a#b', 'a%20b', '~', 'A', 'Haber']) {
        expect(slugProblem(slug, locale), `${locale}: ${JSON.stringify(slug)}`).not.toBeNull();
      }
    }
    expect(slugProblem('İstanbul', 'tr')).not.toBeNull();
  });

  it('refuses bidi controls and every other invisible, control or format character, anywhere', () => {
    const invisible = [
      '\u202E',
      '\u202D',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
      '\u200B',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u180E',
      '\u0000',
      '\u0007',
      '\u001B',
      '\u007F',
      '\u0085',
      '\u00A0',
      '\u3000',
    ];
    for (const locale of ['en', 'tr', 'ar', 'fa']) {
      const word = locale === 'ar' || locale === 'fa' ? 'خبر' : 'haber';
      for (const c of invisible) {
        for (const slug of [`${c}${word}`, `${word}${c}${word}`, `${word}${c}`]) {
          expect(slugProblem(slug, locale), `${locale}: U+${c.codePointAt(0)?.toString(16)}`).not.toBeNull();
        }
      }
    }
  });

  it('refuses letters of another script, ZWNJ outside Persian, and marks the script does not need', () => {
    expect(slugProblem('новости', 'en')).not.toBeNull();
    expect(slugProblem('haber-خبر', 'tr')).not.toBeNull();
    expect(slugProblem('کتاب‌ها', 'ar')).not.toBeNull();
    expect(slugProblem('‌کتاب', 'fa')).not.toBeNull();
    expect(slugProblem('مَرحبا', 'ar')).not.toBeNull();
    expect(slugProblem('cafe\u0301', 'en')).not.toBeNull();
    expect(slugProblem('\u093Eनई', 'hi')).not.toBeNull();
  });
});
