import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSite, type TestSite } from '../test/support/test-site.js';
import { buildAdminApp } from './support/admin-build.js';
import { launchBrowser } from './support/browser.js';

/**
 * People & sections in a real Chromium: an administrator creates a section (English and Turkish
 * names) and an author on the newsroom's screen, then writes a story in that section under that
 * byline and publishes it; the reader site shows both. SQLite only (the HTTP suite covers both).
 */

const ADMIN = { name: 'Ada Okafor', email: 'ada@example.org', password: 'a long newsroom passphrase' };

describe('people & sections journey in Chromium (sqlite)', { timeout: 120_000 }, () => {
  let site: TestSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let base = '';
  const problems: string[] = [];

  beforeAll(async () => {
    await buildAdminApp();
    site = await startTestSite('sqlite');
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
  }, 60_000);

  it('an admin creates a section and an author, and a story published with them shows both on the site', async () => {
    await page.goto(`${base}/admin/`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Set up your newsroom' }).waitFor();
    await page.getByLabel('Name').fill(ADMIN.name);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Password again').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Stories' }).waitFor();

    await page.getByRole('link', { name: 'People & sections' }).click();
    await page.getByRole('heading', { name: 'People & sections', level: 1 }).waitFor();

    // A section, named in English and Turkish, first in the navigation.
    await page.getByRole('button', { name: 'New section' }).click();
    const sectionForm = page.getByRole('region', { name: 'New section' });
    await sectionForm.getByRole('group', { name: 'English' }).getByLabel('Name').fill('Culture');
    await sectionForm.getByRole('group', { name: 'Turkish' }).getByLabel('Name').fill('Kültür');
    await sectionForm.getByRole('button', { name: 'Save' }).click();
    const sections = page.getByRole('region', { name: 'Sections' });
    await sections.getByText('Culture').waitFor();
    await sections.getByRole('button', { name: 'Move Culture up' }).click();
    await expect.poll(() => sections.locator('li').first().innerText()).toContain('Culture');

    // An author with a bio.
    await page.getByRole('button', { name: 'New author' }).click();
    const authorForm = page.getByRole('region', { name: 'New author' });
    await authorForm.getByRole('group', { name: 'English' }).getByLabel('Name').fill('Wren Yılmaz');
    await authorForm.getByRole('group', { name: 'English' }).getByLabel('Bio').fill('Writes about the coast.');
    await authorForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('region', { name: 'Authors' }).getByText('Wren Yılmaz').waitFor();

    // Deleting the fixture's section, which stories use, is refused with the reason.
    page.once('dialog', (dialog) => void dialog.accept());
    await sections.locator('li', { hasText: 'Economy' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText(/stories are in this section|story is in this section/).waitFor();

    // A story in that section under that byline.
    await page.getByRole('link', { name: 'Stories' }).click();
    await page.getByRole('link', { name: 'New story' }).click();
    await page.getByLabel('Language').last().selectOption('en');
    await page.getByLabel('Title', { exact: true }).fill('Lighthouse reopens to visitors');
    await page.getByLabel('Dek', { exact: true }).fill('The keepers welcome the public again.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/translations\/[^/]+$/);
    await page.getByRole('textbox', { name: 'Story' }).click();
    await page.keyboard.type('The lighthouse opened its doors on Saturday.');
    await page.getByLabel('Section').selectOption({ label: 'Culture' });
    await page.getByRole('group', { name: 'Authors' }).getByLabel('Wren Yılmaz').check();
    await expect.poll(() => page.locator('.save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('published');
    const href = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');
    expect(href).toMatch(/^\/en\//);

    const reader = await context!.newPage();
    expect((await reader.goto(base + href!, { waitUntil: 'load' }))?.status()).toBe(200);
    const story = await reader.content();
    expect(story).toContain('Wren Yılmaz');
    expect(story).toContain('/en/sections/culture');
    const author = await reader.goto(`${base}/en/authors/wren-yilmaz`, { waitUntil: 'load' });
    expect(author?.status()).toBe(200);
    expect(await reader.content()).toContain('Writes about the coast.');
    const turkish = await reader.goto(`${base}/tr/sections/kultur`, { waitUntil: 'load' });
    expect(turkish?.status()).toBe(200);
    expect(problems).toEqual([]);
  });
});
