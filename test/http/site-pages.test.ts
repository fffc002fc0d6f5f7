import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { attr, text } from '../support/html-probe.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

describe.each(DIALECTS)('edition pages (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(dialect);
  });
  afterAll(async () => {
    await site?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

  it('sends / to the edition that best matches Accept-Language, else the default', async () => {
    const tr = await get('/', { 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.5' });
    expect(tr.statusCode).toBe(302);
    expect(tr.headers.location).toBe('/tr/');
    expect(tr.headers.vary).toContain('Accept-Language');
    expect((await get('/', { 'accept-language': 'ja, de;q=0.8' })).headers.location).toBe('/en/');
    expect((await get('/', { 'accept-language': 'fa-IR' })).headers.location).toBe('/fa/');
    expect((await get('/')).headers.location).toBe('/en/');
  });

  it('edition home lists its own stories and, in the Turkish edition, untranslated English ones', async () => {
    const en = (await get('/en/')).body;
    expect(en).toContain('Harbour fish prices climb');
    expect(en).not.toContain('Limanda balık');
    expect(en).not.toContain('افتتاح سوق'); // the English edition does not include Arabic originals
    const tr = (await get('/tr/')).body;
    expect(tr).toContain('Limanda balık fiyatları yükseliyor');
    expect(tr).not.toContain('>Harbour fish prices climb<');
    expect(tr).toMatch(/<a href="\/tr\/2014\/07\/olive-harvest-starts-early" lang="en" dir="ltr">Olive harvest starts early<\/a>/);
    expect(tr).toContain('Dil: İngilizce');
  });

  it('redirects /{locale} to /{locale}/', async () => {
    const res = await get('/tr');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/tr/');
  });

  it('topic, section and author pages list stories with localized names and counts', async () => {
    const topic = await get('/tr/topics/ege-kiyisi');
    expect(topic.statusCode).toBe(200);
    expect(topic.body).toContain('<h1>Ege kıyısı</h1>');
    expect(text(topic.body)).toContain('2 haber');
    const section = await get('/en/sections/economy');
    expect(section.statusCode).toBe(200);
    expect(text(section.body)).toContain('2 stories');
    const author = await get('/en/authors/selin-arslan');
    expect(author.statusCode).toBe(200);
    expect(author.body).toContain('Economy correspondent.');
    // A topic slug from another language redirects to this edition's own slug.
    const other = await get('/tr/topics/aegean-coast');
    expect(other.statusCode).toBe(301);
    expect(other.headers.location).toBe('/tr/topics/ege-kiyisi');
  });

  it('the Arabic section name and Arabic slug work', async () => {
    const res = await get('/ar/sections/' + encodeURIComponent('اقتصاد'));
    expect(res.statusCode).toBe(200);
    expect(attr(res.body, 'html', 'dir')).toBe('rtl');
    expect(res.body).toContain('افتتاح سوق جديدة في المدينة');
  });

  it('answers a page number past the end with 404 and a malformed one with a localized 400', async () => {
    expect((await get('/en/topics/aegean-coast?page=9')).statusCode).toBe(404);
    const bad = await get('/tr/topics/ege-kiyisi?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Bu adres geçerli değil');
  });

  it('answers an unknown edition with a 404 in the reader’s language', async () => {
    const res = await get('/xx/', { 'accept-language': 'ar' });
    expect(res.statusCode).toBe(404);
    expect(attr(res.body, 'html', 'lang')).toBe('ar');
    expect(attr(res.body, 'html', 'dir')).toBe('rtl');
    expect(res.body).toContain('الصفحة غير موجودة');
  });

  it('formats Persian listing counts with Persian digits and the Persian calendar', async () => {
    const res = await get('/fa/topics/aegean-coast');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('۳ خبر');
    expect(text(res.body)).toContain('۱۳۹۳');
  });

  it('sends an ETag and answers 304 when the page has not changed', async () => {
    const first = await get('/en/');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toContain('max-age=');
    const again = await get('/en/', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});
