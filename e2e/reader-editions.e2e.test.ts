import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSite, type TestSite } from '../test/support/test-site.js';
import { launchBrowser } from './support/browser.js';

/**
 * Reader journeys in a real Chromium against the real app, asserting what a reader would notice:
 * language, direction, mirrored layout, dates, keyboard access, narrow screens, no JavaScript.
 *
 * SQLite only: these journeys exercise rendering and layout, which do not depend on the database;
 * the HTTP suites (test/http) already run every route on both SQLite and PostgreSQL.
 */

const ORIGIN = 'https://news.example.org'; // PUBLIC_URL of the test site
const EN_STORY = '/en/2014/07/harbour-fish-prices-climb';
const TR_STORY = '/tr/2014/07/limanda-balik-fiyatlari-yukseliyor';
const TR_FALLBACK_STORY = '/tr/2014/07/olive-harvest-starts-early';
const AR_STORY = '/ar/2014/07/' + encodeURIComponent('افتتاح-سوق-جديدة');

const SCREENSHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));
const JOURNEY_TIMEOUT = 60_000;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`no layout box for ${String(locator)}`);
  return found;
}

describe('reader journeys in Chromium (sqlite)', { timeout: JOURNEY_TIMEOUT }, () => {
  let site: TestSite | undefined;
  let browser: Browser | undefined;
  let base = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    site = await startTestSite('sqlite');
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = site.app.server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
  }, 60_000);

  async function openPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    if (!browser) throw new Error('browser not launched');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    contexts.push(context);
    return context.newPage();
  }

  async function visit(page: Page, path: string): Promise<void> {
    const response = await page.goto(base + path, { waitUntil: 'load' });
    expect(response?.status(), `status of ${path}`).toBe(200);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: SCREENSHOTS + name, fullPage: true });

  it('Turkish edition, English story without translation: Turkish chrome, English text marked, keyboard skip link', async () => {
    const page = await openPage();
    await visit(page, TR_FALLBACK_STORY);

    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    // The lead photo actually loads (a broken image would show as an icon and its alt text).
    const photoWidth = await page.locator('.lead-image img').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(photoWidth).toBe(1200);
    // The section label is the Turkish name (CSS upper-cases it the Turkish way: "EKONOMİ").
    expect(await page.locator('.kicker a').textContent()).toBe('Ekonomi');
    expect(await page.locator('.kicker a').innerText()).toBe('EKONOMİ');

    const notice = page.locator('.fallback-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect((await notice.innerText()).trim()).toBe('Bu haberin İngilizce sürümü bulunuyor.');

    const headline = page.locator('h1');
    expect(await headline.isVisible()).toBe(true);
    expect(await headline.getAttribute('lang')).toBe('en');
    expect((await headline.innerText()).trim()).toBe('Olive harvest starts early');

    const published = page.locator('.byline__dates time');
    expect(await published.isVisible()).toBe(true);
    expect((await published.innerText()).trim()).toBe('1 Tem 2014');

    // The skip link is out of sight until the keyboard reaches it.
    const skip = page.getByRole('link', { name: 'İçeriğe geç' });
    const hidden = await box(skip);
    expect(hidden.y + hidden.height).toBeLessThanOrEqual(0);

    await page.keyboard.press('Tab');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const shown = await box(skip);
    expect(shown.width).toBeGreaterThan(0);
    expect(shown.height).toBeGreaterThan(0);
    expect(shown.x).toBeGreaterThanOrEqual(0);
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.x + shown.width).toBeLessThanOrEqual(viewport.width);
    expect(shown.y + shown.height).toBeLessThanOrEqual(viewport.height);
    await page.screenshot({ path: SCREENSHOTS + 'tr-skip-link-focused.png' });

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');

    await shot(page, 'tr-fallback-story.png');
  });

  it('Arabic edition: right-to-left document with a mirrored layout, compared with an English story', async () => {
    const ar = await openPage();
    await visit(ar, AR_STORY);
    expect(await ar.evaluate(() => document.dir)).toBe('rtl');
    expect(await ar.locator('html').getAttribute('lang')).toBe('ar');
    expect((await ar.locator('h1').innerText()).trim()).toBe('افتتاح سوق جديدة في المدينة');

    // The byline hugs the right edge of the article and leaves its left side free.
    const arStory = await box(ar.locator('article.story'));
    const arDates = await box(ar.locator('.story .byline__dates'));
    expect(Math.abs(arDates.x + arDates.width - (arStory.x + arStory.width))).toBeLessThanOrEqual(2);
    expect(arDates.x - arStory.x).toBeGreaterThan(40);

    // The site name sits on the right of the header.
    const arHeader = await box(ar.locator('.site-header__top'));
    const arName = await box(ar.locator('.site-header .site-name'));
    expect(Math.abs(arName.x + arName.width - (arHeader.x + arHeader.width))).toBeLessThanOrEqual(2);
    expect(arName.x + arName.width / 2).toBeGreaterThan(arHeader.x + arHeader.width / 2);
    await shot(ar, 'ar-story-rtl.png');

    // The same parts of an English story sit on the left.
    const en = await openPage();
    await visit(en, EN_STORY);
    expect(await en.evaluate(() => document.dir)).toBe('ltr');
    const enStory = await box(en.locator('article.story'));
    const enDates = await box(en.locator('.story .byline__dates'));
    expect(Math.abs(enDates.x - enStory.x)).toBeLessThanOrEqual(2);
    expect(enStory.x + enStory.width - (enDates.x + enDates.width)).toBeGreaterThan(40);
    const enHeader = await box(en.locator('.site-header__top'));
    const enName = await box(en.locator('.site-header .site-name'));
    expect(Math.abs(enName.x - enHeader.x)).toBeLessThanOrEqual(2);
    expect(enName.x + enName.width / 2).toBeLessThan(enHeader.x + enHeader.width / 2);

    // Mirrored, not merely moved: the article starts at the opposite side of the page.
    const arMain = await box(ar.locator('main'));
    const enMain = await box(en.locator('main'));
    expect(Math.abs(arStory.x + arStory.width - (arMain.x + arMain.width) - (enMain.x - enStory.x))).toBeLessThanOrEqual(2);
  });

  it('translation links: English story -> "Türkçe" -> Turkish page that links back with reciprocal hreflang', async () => {
    const page = await openPage();
    await visit(page, EN_STORY);
    expect(await page.locator('link[rel="alternate"][hreflang="tr"]').getAttribute('href')).toBe(ORIGIN + TR_STORY);
    expect((await page.locator('.byline__dates time').innerText()).trim()).toBe('Jul 2, 2014');
    await shot(page, 'en-story.png');

    const link = page.locator('nav.translations').getByRole('link', { name: 'Türkçe', exact: true });
    expect(await link.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(base + TR_STORY, { waitUntil: 'load' }), link.click()]);

    expect(new URL(page.url()).pathname).toBe(TR_STORY);
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect((await page.locator('h1').innerText()).trim()).toBe('Limanda balık fiyatları yükseliyor');
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toBe(ORIGIN + EN_STORY);
    expect(await page.locator('link[rel="alternate"][hreflang="tr"]').getAttribute('href')).toBe(ORIGIN + TR_STORY);
    const published = page.locator('.byline__dates time');
    expect(await published.isVisible()).toBe(true);
    expect((await published.innerText()).trim()).toBe('2 Tem 2014');
    // And the reader can go back the same way.
    expect(await page.locator('nav.translations').getByRole('link', { name: 'English', exact: true }).getAttribute('href')).toBe(EN_STORY);
    await shot(page, 'tr-translated-story.png');
  });

  it('responsive: a 320 px wide screen never scrolls sideways on a story page', async () => {
    const page = await openPage({ viewport: { width: 320, height: 640 } });
    for (const [path, name] of [
      [EN_STORY, 'story-320px.png'],
      [TR_FALLBACK_STORY, 'tr-fallback-story-320px.png'],
      [AR_STORY, 'ar-story-320px.png'],
    ] as const) {
      await visit(page, path);
      const widths = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.viewport, path).toBe(320);
      expect(widths.document, `${path} scrollWidth`).toBeLessThanOrEqual(320);
      expect(widths.body, `${path} body scrollWidth`).toBeLessThanOrEqual(320);
      expect(await page.locator('h1').isVisible()).toBe(true);
      await shot(page, name);
    }
  });

  it('the header language links keep the story: English story -> العربية -> the story in the Arabic edition', async () => {
    const page = await openPage();
    await visit(page, EN_STORY);
    const link = page.locator('nav.edition-switcher').getByRole('link', { name: 'العربية', exact: true });
    await Promise.all([page.waitForURL(base + '/ar/2014/07/harbour-fish-prices-climb', { waitUntil: 'load' }), link.click()]);
    expect(await page.evaluate(() => document.dir)).toBe('rtl');
    expect((await page.locator('h1').innerText()).trim()).toBe('Harbour fish prices climb');
    // And back to the English edition's page of the same story, not its home.
    expect(await page.locator('nav.edition-switcher').getByRole('link', { name: 'English', exact: true }).getAttribute('href')).toBe(
      EN_STORY,
    );
  });

  it('Arabic edition at phone width: no sideways scroll, English cards align as one left-to-right block, badges on one line', async () => {
    const page = await openPage({ viewport: { width: 375, height: 740 } });
    await visit(page, '/ar/');
    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.document).toBeLessThanOrEqual(375);
    expect(widths.body).toBeLessThanOrEqual(375);

    const cards = page.locator('article.card[lang="en"]');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      // Where each line of text starts: title, dek and meta all start at the card's left edge.
      const starts = await card.evaluate((el) =>
        ['.card__title', '.card__dek', '.card__meta'].flatMap((selector) => {
          const part = el.querySelector(selector);
          if (!part) return [];
          const range = document.createRange();
          range.selectNodeContents(part);
          const first = range.getClientRects()[0];
          return first ? [{ selector, left: first.left, right: part.getBoundingClientRect().right - first.right }] : [];
        }),
      );
      expect(starts.length).toBeGreaterThanOrEqual(2);
      const lefts = starts.map((s) => s.left);
      expect(Math.max(...lefts) - Math.min(...lefts), JSON.stringify(starts)).toBeLessThanOrEqual(2);
      const badgeLines = await card.locator('.badge').evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(badgeLines).toBe(1);
    }
    await shot(page, 'ar-home-375px.png');
  });

  it('no JavaScript needed, and nothing is fetched from any other host', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await visit(page, EN_STORY);
    await page.waitForLoadState('networkidle');

    const headline = page.locator('h1');
    expect(await headline.isVisible()).toBe(true);
    expect((await headline.innerText()).trim()).toBe('Harbour fish prices climb');
    const body = page.locator('.story__body');
    expect(await body.isVisible()).toBe(true);
    expect(await body.innerText()).toContain('Prices at the harbour rose again.');
    expect(await page.locator('.story__body p').nth(1).isVisible()).toBe(true);

    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((url) => !/^(data|blob):/.test(url) && new URL(url).hostname !== '127.0.0.1');
    expect(foreign).toEqual([]);
    await shot(page, 'en-story-no-js.png');
  });
});
