import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { attr, canonical, hreflangs, jsonLd, text } from '../support/html-probe.js';
import { startTestSite, type TestSite } from '../support/test-site.js';
import { editTranslation } from '../support/newsroom-edits.js';

const EN_URL = '/en/2014/07/harbour-fish-prices-climb';
const TR_URL = '/tr/2014/07/limanda-balik-fiyatlari-yukseliyor';
const ORIGIN = 'https://news.example.org';

describe.each(DIALECTS)('story page (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(dialect);
  });
  afterAll(async () => {
    await site?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

  it('shows headline, dek, byline, English date, lead image with caption and credit, topics', async () => {
    const res = await get(EN_URL);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(attr(html, 'html', 'lang')).toBe('en');
    expect(attr(html, 'html', 'dir')).toBe('ltr');
    expect(html).toContain('<h1>Harbour fish prices climb</h1>');
    expect(html).toContain('Harbour fish prices climb (dek)');
    expect(html).toContain('<a rel="author" href="/en/authors/selin-arslan">Selin Arslan</a>');
    expect(text(html)).toContain('Jul 2, 2014');
    expect(html).toContain('Boats return to the harbour.');
    expect(html).toContain('Photo: Deniz Aksoy / Anka Wire');
    expect(html).toContain('href="/en/topics/aegean-coast"');
    expect(html).toContain('<meta name="description" content="Harbour fish prices climb (dek)">');
  });

  it('links the other translation by its own language name and lists reciprocal hreflang', async () => {
    const en = (await get(EN_URL)).body;
    const tr = (await get(TR_URL)).body;
    expect(en).toMatch(/<a href="\/tr\/2014\/07\/limanda-balik-fiyatlari-yukseliyor" hreflang="tr" lang="tr" dir="ltr">Türkçe<\/a>/);
    expect(tr).toMatch(/hreflang="en" lang="en" dir="ltr">English<\/a>/);
    const expected = { en: ORIGIN + EN_URL, tr: ORIGIN + TR_URL, 'x-default': ORIGIN + EN_URL };
    expect(hreflangs(en)).toEqual(expected);
    expect(hreflangs(tr)).toEqual(expected);
    expect(canonical(en)).toBe(ORIGIN + EN_URL);
    expect(canonical(tr)).toBe(ORIGIN + TR_URL);
  });

  it('writes Turkish dates the Turkish way and credits the translator', async () => {
    const html = (await get(TR_URL)).body;
    expect(attr(html, 'html', 'lang')).toBe('tr');
    expect(text(html)).toContain('2 Tem 2014');
    expect(html).toContain('Çeviri: Ayşe Demir. Özgün dil: İngilizce.');
  });

  it('serves an untranslated English story inside the Turkish edition with notice, lang marks and canonical to the original', async () => {
    const res = await get('/tr/2014/07/olive-harvest-starts-early');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(attr(html, 'html', 'lang')).toBe('tr');
    // It names the languages the story exists in (no "only": issue #10 item 7), linked.
    expect(html).toContain('Bu haberin <a href="/en/2014/07/olive-harvest-starts-early" hreflang="en">İngilizce</a> sürümü bulunuyor.');
    expect(html).toContain('<h1 lang="en" dir="ltr">Olive harvest starts early</h1>');
    expect(html).toMatch(/<div class="story__body" lang="en" dir="ltr">/);
    expect(text(html)).toContain('1 Tem 2014');
    expect(html).toContain('İçeriğe geç');
    // The edition's furniture stays in Turkish: the section label, the caption falls back to the story's language.
    expect(html).toContain('<p class="kicker"><a href="/tr/sections/ekonomi">Ekonomi</a></p>');
    expect(html).toContain('<span class="caption" lang="en" dir="ltr">Boats return to the harbour.</span>');
    expect(canonical(html)).toBe(`${ORIGIN}/en/2014/07/olive-harvest-starts-early`);
    expect(hreflangs(html)).toEqual({
      en: `${ORIGIN}/en/2014/07/olive-harvest-starts-early`,
      'x-default': `${ORIGIN}/en/2014/07/olive-harvest-starts-early`,
    });
  });

  it('gives the Arabic edition a right-to-left document', async () => {
    const res = await get('/ar/2014/07/' + encodeURIComponent('افتتاح-سوق-جديدة'));
    expect(res.statusCode).toBe(200);
    expect(attr(res.body, 'html', 'lang')).toBe('ar');
    expect(attr(res.body, 'html', 'dir')).toBe('rtl');
    expect(res.body).toContain('<h1>افتتاح سوق جديدة في المدينة</h1>');
  });

  it('carries NewsArticle structured data and social cards', async () => {
    const html = (await get(EN_URL)).body;
    const data = jsonLd(html);
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Harbour fish prices climb',
      inLanguage: 'en',
      datePublished: '2014-07-02T09:30:00.000Z',
      author: [{ '@type': 'Person', name: 'Selin Arslan' }],
    });
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(`<meta property="og:image" content="${ORIGIN}/media/fixture-lead.webp">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('redirects a wrong year/month and an edition-language mismatch to the canonical URL', async () => {
    const wrongMonth = await get('/en/2013/01/harbour-fish-prices-climb');
    expect(wrongMonth.statusCode).toBe(301);
    expect(wrongMonth.headers.location).toBe(EN_URL);
    // The English slug in the Turkish edition, which has a Turkish translation: go to it.
    const mismatch = await get('/tr/2014/07/harbour-fish-prices-climb');
    expect(mismatch.statusCode).toBe(301);
    expect(mismatch.headers.location).toBe(TR_URL);
  });

  it('keeps an old slug working with a 301 after the slug changes', async () => {
    await editTranslation(site.services, site.fixture.untranslated.en, { slug: 'olive-harvest-begins-early' });
    const old = await get('/en/2014/07/olive-harvest-starts-early');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/en/2014/07/olive-harvest-begins-early');
    expect((await get('/en/2014/07/olive-harvest-begins-early')).statusCode).toBe(200);
  });

  it('keeps a scheduled story invisible on every page until its time, then shows it', async () => {
    const url = '/en/2014/07/embargoed-budget-figures';
    expect((await get(url)).statusCode).toBe(404);
    expect((await get('/en/')).body).not.toContain('Embargoed budget figures');
    expect((await get('/en/topics/aegean-coast')).body).not.toContain('Embargoed budget figures');
    site.clock.set('2014-07-12T06:00:01Z');
    try {
      expect((await get(url)).statusCode).toBe(200);
      expect((await get('/en/')).body).toContain('Embargoed budget figures');
    } finally {
      site.clock.set('2014-07-10T12:00:00Z');
    }
  });

  it('never shows a draft', async () => {
    expect((await get('/en/2014/07/unfinished-draft')).statusCode).toBe(404);
    expect((await get('/en/')).body).not.toContain('Unfinished draft');
  });

  it('answers an unknown story with a localized 404 page', async () => {
    const res = await get('/tr/2014/07/no-such-story');
    expect(res.statusCode).toBe(404);
    expect(attr(res.body, 'html', 'lang')).toBe('tr');
    expect(res.body).toContain('Sayfa bulunamadı');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
