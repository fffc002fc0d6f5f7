import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogs } from './catalogs.js';
import { createTranslator, type Translator } from './translator.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const catalogs = loadCatalogs(FIXTURES, ['en', 'tr']);

describe('createTranslator', () => {
  const en = createTranslator<string>(catalogs, 'en', 'en');
  const tr = createTranslator<string>(catalogs, 'tr', 'en');

  it('formats plurals with the locale rules', () => {
    expect(en.t('story.count', { count: 1 })).toBe('1 story');
    expect(en.t('story.count', { count: 3 })).toBe('3 stories');
    expect(en.t('story.count', { count: 1234 })).toBe('1,234 stories');
    expect(tr.t('story.count', { count: 1234 })).toBe('1.234 haber');
  });

  it('interpolates values', () => {
    expect(tr.t('story.moreFrom', { section: 'Spor' })).toBe('Spor bölümünden daha fazlası');
  });

  it('falls back to the fallback locale for a missing key', () => {
    expect(tr.t('nav.home')).toBe('Home');
  });

  it('returns the key when no catalog has it', () => {
    expect(tr.t('nav.nowhere')).toBe('nav.nowhere');
  });

  it('returns plain text and leaves markup for the HTML layer to escape', () => {
    expect(en.t('markup.literal')).toBe('Use <b>bold</b> & stay safe');
    expect(en.t('story.moreFrom', { section: '<script>' })).toBe('More from <script>');
  });

  it('works when t is passed around on its own', () => {
    const { t } = tr;
    expect(t('story.moreFrom', { section: 'Dünya' })).toBe('Dünya bölümünden daha fazlası');
  });

  it('reuses one translator per locale', () => {
    expect(createTranslator<string>(catalogs, 'tr', 'en')).toBe(tr);
    expect(createTranslator<string>(catalogs, 'en', 'en')).toBe(en);
    expect(tr.locale).toBe('tr');
  });

  it('names the key when a value is missing', () => {
    expect(() => en.t('story.moreFrom')).toThrow(/story\.moreFrom.*section/);
  });

  it('refuses locales that have no catalog', () => {
    expect(() => createTranslator<string>(catalogs, 'ar', 'en')).toThrow(/"ar".*loaded: en, tr/);
    expect(() => createTranslator<string>(catalogs, 'tr', 'fa')).toThrow(/fallback locale "fa"/);
  });

  it('types keys from locales/en.json, so a misspelled key does not compile (checked by tsc)', () => {
    const render = (t: Translator['t']) => [
      t('error.notFound.title'),
      // @ts-expect-error: a key locales/en.json does not have
      t('error.notFound.titel'),
    ];
    expect(render((key) => key)).toEqual(['error.notFound.title', 'error.notFound.titel']);
  });
});
