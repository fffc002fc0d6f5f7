import { describe, expect, it } from 'vitest';
import { createFormatter, lazyCatalog } from './message-format.js';

describe('lazyCatalog', () => {
  const entries = { greet: 'Hello {name}', broken: 'Hello {name' };

  it('compiles a message on first use and keeps it', () => {
    const lookup = lazyCatalog(entries, 'en');
    const first = lookup.get('greet');
    expect(first?.format({ name: 'Ada' })).toBe('Hello Ada');
    expect(lookup.get('greet')).toBe(first);
  });

  it('knows only the catalog’s own keys', () => {
    const lookup = lazyCatalog(entries, 'en');
    expect(lookup.get('missing')).toBeUndefined();
    expect(lookup.get('toString')).toBeUndefined();
    expect(lookup.get('__proto__')).toBeUndefined();
  });

  it('throws on a message that is not ICU when it is first used', () => {
    expect(() => lazyCatalog(entries, 'en').get('broken')).toThrow();
  });
});

describe('createFormatter', () => {
  const en = lazyCatalog({ count: '{n, plural, one {# story} other {# stories}}', only: 'Only in English' }, 'en');
  const tr = lazyCatalog({ count: '{n, plural, other {# haber}}' }, 'tr');
  const t = createFormatter<string>('tr', tr, 'en', en);

  it('formats in the locale, with its number and plural rules', () => {
    expect(t('count', { n: 1234 })).toBe('1.234 haber');
    expect(createFormatter<string>('en', en, 'en', en)('count', { n: 1 })).toBe('1 story');
  });

  it('falls back, then returns the key', () => {
    expect(t('only')).toBe('Only in English');
    expect(t('nowhere')).toBe('nowhere');
  });

  it('names the key and locale when an argument is missing', () => {
    expect(() => t('count')).toThrow(/"count" \(tr\)/);
  });
});
