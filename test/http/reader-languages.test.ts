import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingMinutes, type StoryDocument } from '../../src/modules/content/document/index.js';
import { startCachedServers, within, type CachedServers } from '../support/cached-servers.js';
import { DIALECTS } from '../support/databases.js';
import { NOW, paragraphs, T0 } from '../support/fixtures.js';
import { asStaff } from '../support/staff.js';
import { text } from '../support/html-probe.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/**
 * Issue #10, items 7 and 8: the header's language links keep the reader on the story, the
 * fallback notice names every language the story exists in, and the right-to-left and locale
 * polish (Arabic dates, isolated foreign cards, localized bylines, body image credits).
 */
const FERRY_EN = 'ferry-timetable-changes';
const FERRY_AR = 'تغيير-مواعيد-العبارات';
const ar = (slug: string) => `/ar/2014/07/${encodeURIComponent(slug)}`;
const fa = (slug: string) => `/fa/2014/07/${encodeURIComponent(slug)}`;

/** The header's edition links: hreflang → href. */
function editionLinks(html: string): Record<string, string> {
  const nav = /<nav class="edition-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return Object.fromEntries([...nav.matchAll(/<a\s+href="([^"]*)"[^>]*hreflang="([^"]+)"/g)].map((m) => [m[2], m[1]]));
}

/** The words of an inline fragment (tags dropped, not turned into spaces). */
const words = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function noticeOf(html: string): string {
  return /<p class="fallback-notice"[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
}

describe.each(DIALECTS)('reader languages and locale polish (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    const { services, fixture } = site;
    // An English original with an Arabic translation and a credited body image: the Persian
    // edition lists its English version (it prefers en, then ar), the Turkish one too.
    const body = (lines: string[]): StoryDocument => ({
      type: 'doc',
      content: [
        ...lines.map((line) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] })),
        {
          type: 'image' as const,
          attrs: { src: '/media/ferry.jpg', alt: 'The ferry', caption: 'The morning ferry.', credit: 'Kerem Yıldız' },
        },
      ],
    });
    const translation = (locale: string, title: string, slug: string, doc: StoryDocument, original: boolean) => ({
      locale,
      title,
      dek: `${title} (dek)`,
      body: doc,
      slug,
      status: 'published' as const,
      publishedAt: T0,
      isOriginal: original,
      translatedFrom: original ? null : 'en',
      provenance: original ? ('original' as const) : ('newsroom' as const),
      provenanceCredit: null,
      readingMinutes: readingMinutes(doc),
    });
    await services.contentWrite.createStory(
      {
        sectionId: fixture.sectionId,
        leadImageId: null,
        authorIds: [fixture.authorId],
        topicIds: [],
        translations: [
          translation('en', 'Ferry timetable changes', FERRY_EN, body(['The ferry leaves earlier.']), true),
          translation('ar', 'تغيير مواعيد العبارات', FERRY_AR, body(['تغادر العبارة مبكرا.']), false),
        ],
      },
      services.editions.list,
      NOW,
    );
  });
  afterAll(async () => {
    await site?.close();
  });
  const get = async (url: string) => {
    const res = await site.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it('on a translated story, links each edition to the story there: its translation, or the page it lists as a fallback', async () => {
    const html = await get('/en/2014/07/harbour-fish-prices-climb');
    expect(editionLinks(html)).toEqual({
      tr: '/tr/2014/07/limanda-balik-fiyatlari-yukseliyor',
      ar: '/ar/2014/07/harbour-fish-prices-climb',
      fa: '/fa/2014/07/harbour-fish-prices-climb',
    });
    expect(editionLinks(await get('/tr/2014/07/limanda-balik-fiyatlari-yukseliyor'))).toMatchObject({
      en: '/en/2014/07/harbour-fish-prices-climb',
      ar: '/ar/2014/07/harbour-fish-prices-climb',
    });
  });

  it('on a fallback page, links back to the original and on to the other editions that list it', async () => {
    const html = await get('/tr/2014/07/olive-harvest-starts-early');
    expect(editionLinks(html)).toEqual({
      en: '/en/2014/07/olive-harvest-starts-early',
      ar: '/ar/2014/07/olive-harvest-starts-early',
      fa: '/fa/2014/07/olive-harvest-starts-early',
    });
  });

  it('links an edition that does not list the story to its home', async () => {
    const html = await get(ar('افتتاح-سوق-جديدة'));
    // The English and Turkish editions do not include Arabic originals; the Persian one does.
    expect(editionLinks(html)).toEqual({ en: '/en/', tr: '/tr/', fa: fa('افتتاح-سوق-جديدة') });
  });

  it('names every language a fallback story exists in, each linked to its edition', async () => {
    const html = await get(fa(FERRY_EN));
    const notice = noticeOf(html);
    expect(words(notice)).toBe('این خبر به این زبان‌ها در دسترس است: انگلیسی و عربی.');
    expect(notice).toContain(`<a href="/en/2014/07/${FERRY_EN}" hreflang="en">انگلیسی</a>`);
    expect(notice).toContain(`<a href="${ar(FERRY_AR)}" hreflang="ar">عربی</a>`);
    expect(editionLinks(html)).toEqual({ en: `/en/2014/07/${FERRY_EN}`, tr: `/tr/2014/07/${FERRY_EN}`, ar: ar(FERRY_AR) });

    const tr = noticeOf(await get(`/tr/2014/07/${FERRY_EN}`));
    expect(words(tr)).toBe('Bu haberin İngilizce ve Arapça sürümü bulunuyor.');
    // A story in one language only says so, without "only" being wrong elsewhere.
    const olive = noticeOf(await get('/tr/2014/07/olive-harvest-starts-early'));
    expect(words(olive)).toBe('Bu haberin İngilizce sürümü bulunuyor.');
    expect(olive).toContain('<a href="/en/2014/07/olive-harvest-starts-early" hreflang="en">İngilizce</a>');
  });

  it('writes Arabic dates with the month name and Latin digits (the edition default)', async () => {
    const html = await get(ar('افتتاح-سوق-جديدة'));
    expect(text(html)).toContain('2 يوليو 2014');
    expect(text(html)).not.toContain('02/07/2014');
  });

  it('isolates an English card in the Arabic and Persian editions as a left-to-right English block', async () => {
    for (const edition of ['ar', 'fa']) {
      const html = await get(`/${edition}/`);
      const card = new RegExp(
        `<article class="card card--[a-z]+"\\s+lang="en" dir="ltr">(?:(?!</article>)[\\s\\S])*Olive harvest starts early(?:(?!</article>)[\\s\\S])*</article>`,
      ).exec(html)?.[0];
      expect(card, edition).toBeDefined();
      // The edition's own words in it keep the edition's language, not its direction.
      expect(card).toMatch(new RegExp(`<p class="card__meta"\\s+lang="${edition}">`));
      expect(card).toContain('<span class="badge">');
    }
  });

  it('localizes the byline prefix in every edition, on the story and on cards', async () => {
    const byline = (html: string) => /<p class="byline__authors">([^<]*)<a\s+rel="author"/.exec(html)?.[1]?.trim();
    expect(byline(await get('/en/2014/07/harbour-fish-prices-climb'))).toBe('By');
    expect(byline(await get('/tr/2014/07/limanda-balik-fiyatlari-yukseliyor'))).toBe('Yazan:');
    expect(byline(await get('/ar/2014/07/harbour-fish-prices-climb'))).toBe('بقلم');
    expect(byline(await get('/fa/2014/07/harbour-fish-prices-climb'))).toBe('نوشته');
    expect(text(await get('/tr/'))).toContain('Yazan: Selin Arslan');
    expect(text(await get('/ar/'))).toContain('بقلم Selin Arslan');
  });

  it('labels a body image credit in the edition language', async () => {
    expect(await get(`/en/2014/07/${FERRY_EN}`)).toContain('<span class="credit">Photo: Kerem Yıldız</span>');
    expect(await get(ar(FERRY_AR))).toContain('<span class="credit">تصوير: Kerem Yıldız</span>');
    expect(await get(`/tr/2014/07/${FERRY_EN}`)).toContain('<span class="credit">Fotoğraf: Kerem Yıldız</span>');
  });
});

describe.each(DIALECTS)('language links through the page cache (%s)', (dialect) => {
  let site: CachedServers;
  beforeAll(async () => {
    site = await startCachedServers(dialect, 1);
  });
  afterAll(async () => {
    await site?.close();
  });

  it("a translation published later moves the cached pages' link for its edition from the fallback to it", async () => {
    const [server] = site.servers;
    if (!server) throw new Error('no server');
    const api = (method: 'POST' | 'PUT', path: string, payload?: object) => asStaff(server.app, site.admin, method, path, payload);
    const page = '/en/2014/07/olive-harvest-starts-early';
    await server.get(page);
    const cached = await server.get(page); // now from the page cache
    expect(editionLinks(cached.body).tr).toBe('/tr/2014/07/olive-harvest-starts-early');

    const started = await api('POST', `/stories/${site.fixture.untranslated.storyId}/translations`, { locale: 'tr' });
    expect(started.statusCode).toBe(201);
    const tr = started.json();
    const written = await api('PUT', `/translations/${tr.id}`, {
      title: 'Zeytin hasadı erken başladı',
      slug: 'zeytin-hasadi-erken-basladi',
      body: paragraphs('Üreticiler iki hafta erken topladı.'),
      version: tr.version,
    });
    expect(written.statusCode).toBe(200);
    expect((await api('POST', `/translations/${tr.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    expect(
      await within(1000, async () => editionLinks((await server.get(page)).body).tr === '/tr/2014/07/zeytin-hasadi-erken-basladi'),
    ).toBe(true);
  });
});

describe.each(DIALECTS)('an edition that chose Arabic-Indic digits (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'masthead-digits-')), 'masthead.json');
    writeFileSync(file, JSON.stringify({ editions: [{ locale: 'en' }, { locale: 'ar', includes: ['en'], digits: 'arab' }] }));
    site = await startTestSite(dialect, { MASTHEAD_CONFIG: file });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('writes its dates in them; the other editions keep theirs', async () => {
    const arabic = await site.app.inject({ method: 'GET', url: ar('افتتاح-سوق-جديدة') });
    expect(arabic.statusCode).toBe(200);
    expect(text(arabic.body)).toContain('٢ يوليو ٢٠١٤');
    const english = await site.app.inject({ method: 'GET', url: '/en/2014/07/harbour-fish-prices-climb' });
    expect(text(english.body)).toContain('Jul 2, 2014');
  });
});
