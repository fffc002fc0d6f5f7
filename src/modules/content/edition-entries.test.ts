import { describe, expect, it } from 'vitest';
import { chooseEditionTranslation } from './edition-entries.js';

const tr = { locale: 'tr', includes: ['en', 'ar'], siteName: 'x' };
const at = '2026-01-01T00:00:00.000Z';

describe('which translation an edition lists', () => {
  it('prefers the edition’s own language', () => {
    const chosen = chooseEditionTranslation(tr, [
      { id: 'en1', locale: 'en', status: 'published', publishedAt: at },
      { id: 'tr1', locale: 'tr', status: 'published', publishedAt: at },
    ]);
    expect(chosen).toEqual({ translationId: 'tr1', publishedAt: at, isFallback: false });
  });

  it('falls back to included sources in their configured order', () => {
    const chosen = chooseEditionTranslation(tr, [
      { id: 'ar1', locale: 'ar', status: 'published', publishedAt: at },
      { id: 'en1', locale: 'en', status: 'published', publishedAt: at },
    ]);
    expect(chosen?.translationId).toBe('en1');
    expect(chosen?.isFallback).toBe(true);
  });

  it('ignores drafts and unpublished translations, and lists nothing from sources it does not include', () => {
    expect(
      chooseEditionTranslation(tr, [
        { id: 'tr1', locale: 'tr', status: 'draft', publishedAt: null },
        { id: 'en1', locale: 'en', status: 'unpublished', publishedAt: at },
        { id: 'fa1', locale: 'fa', status: 'published', publishedAt: at },
      ]),
    ).toBeNull();
  });
});
