import { describe, expect, it } from 'vitest';
import { languageName } from './language-names.js';

describe('languageName', () => {
  it("names each edition's language in that language, capitalized", () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('tr')).toBe('Türkçe');
    expect(languageName('ar')).toBe('العربية');
    expect(languageName('fa')).toBe('فارسی');
    expect(languageName('fr')).toBe('Français');
  });

  it('returns the same answer from the cache', () => {
    expect(languageName('tr')).toBe(languageName('tr'));
  });
});
