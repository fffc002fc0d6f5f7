import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaywallSite, type PaywallSite } from '../test/leak/leak-site.js';
import { testMembers } from '../test/leak/members.js';
import { launchBrowser } from './support/browser.js';

/**
 * A signed-in member's pages in a real Chromium (SQLite) at phone (375px) and desktop (1280px)
 * width, in English and Arabic: the header names them and links their account, the account page
 * uses the site's layout (the site's stylesheet, header and footer) and nothing overflows sideways,
 * even with a long email address. Screenshots go to test-output/screenshots/.
 */

const SCREENSHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));
const EMAIL = 'a.rather.long.address.for.a.phone@newsroom-readers.example.org';
const WIDTHS = [375, 1280] as const;

describe('a member where they stand, in Chromium (sqlite)', { timeout: 120_000 }, () => {
  let site: PaywallSite | undefined;
  let browser: Browser | undefined;
  let base = '';
  let cookie = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    site = await startPaywallSite('sqlite', { env: { PAGE_CACHE_SECONDS: '10' } });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    cookie = (await testMembers(site.services).signIn(EMAIL)).cookie;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  }, 60_000);

  async function signedInContext(width: number): Promise<BrowserContext> {
    const context = await browser!.newContext({ viewport: { width, height: 900 } });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    return context;
  }

  for (const width of WIDTHS) {
    it(`at ${width}px: the account page and a listing use the site's layout, name the member, and do not overflow`, async () => {
      const context = await signedInContext(width);
      try {
        const page = await context.newPage();
        for (const path of ['/en/account', '/ar/account', '/en/', site!.stories.metered[0]!.en.path]) {
          const response = await page.goto(base + path, { waitUntil: 'load' });
          expect(response?.status(), path).toBe(200);
          expect(response?.headers()['cache-control'], path).toMatch(/no-store/);
          const seen = await page.evaluate(() => ({
            member: document.querySelector('.reader-links__member')?.textContent ?? '',
            account: document.querySelector<HTMLAnchorElement>('.reader-links__account')?.getAttribute('href') ?? '',
            styled: getComputedStyle(document.body).backgroundColor,
            footer: document.querySelector('.site-footer') !== null,
            document: document.documentElement.scrollWidth,
            body: document.body.scrollWidth,
          }));
          expect(seen.member, path).toContain(EMAIL);
          expect(seen.account, path).toBe(`/${path.slice(1, 3)}/account`);
          expect(seen.styled, `${path}: the site's stylesheet`).toBe('rgb(255, 253, 248)');
          expect(seen.footer, path).toBe(true);
          expect(seen.document, `${path} scrollWidth`).toBeLessThanOrEqual(width);
          expect(seen.body, `${path} body scrollWidth`).toBeLessThanOrEqual(width);
          if (path.endsWith('/account')) {
            // The account's buttons are the site's buttons, not the browser's defaults.
            const button = await page.evaluate(() => {
              const b = document.querySelector('.member-page button');
              return b ? getComputedStyle(b).color : '';
            });
            expect(button, path).toBe('rgb(255, 255, 255)');
            await page.screenshot({ path: `${SCREENSHOTS}member-account-${path.slice(1, 3)}-${width}.png`, fullPage: true });
          }
        }
      } finally {
        await context.close();
      }
    });
  }
});
