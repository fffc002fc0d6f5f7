import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSite, type TestSite } from '../test/support/test-site.js';
import { buildAdminApp, ROOT } from './support/admin-build.js';
import { launchBrowser } from './support/browser.js';

/**
 * The newsroom in a real Chromium against the real app: first-run setup, signing in, writing a
 * story with an uploaded photo and a paywall break, publishing it and reading it on the site; then
 * translating it into Turkish, publishing that, and finding both language versions linked with
 * reciprocal hreflang; then the staff screens (deactivate, reactivate, delete) and "change my
 * password". SQLite only (the HTTP suites cover both databases).
 *
 * The admin app is built first (Vite, about a second), so the journey runs what admin/ holds now.
 */

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const JOURNEY_TIMEOUT = 120_000;

const ADMIN = { name: 'Ada Okafor', email: 'ada@example.org', password: 'a long newsroom passphrase' };
const STORY = {
  title: 'Harbour cranes return to the old port',
  dek: 'The last of the cranes came back on Tuesday.',
  free: 'The cranes arrived before dawn, towed in from the shipyard.',
  afterPhoto: 'Crowds gathered along the quay to watch.',
  paid: 'Port officials say the cranes will work again by autumn.',
};
const TURKISH = {
  title: 'Vinçler eski limana dönüyor',
  dek: 'Son vinçler salı günü geri geldi.',
  body: 'Vinçler şafaktan önce tersaneden çekilerek geldi.',
};

describe('newsroom journey in Chromium (sqlite)', { timeout: JOURNEY_TIMEOUT }, () => {
  let site: TestSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const otherContexts: BrowserContext[] = [];
  let page: Page;
  let base = '';
  let photoDir = '';
  let photo = '';
  /** Filled by the first journey, read by the later ones. */
  let englishPath = '';
  let englishEditor = '';
  /** Script errors and CSP refusals in the app: each journey ends with none. */
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildAdminApp();
    photoDir = mkdtempSync(join(tmpdir(), 'masthead-e2e-'));
    photo = join(photoDir, 'cranes.jpg');
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3b6e8f' } })
      .jpeg({ quality: 80 })
      .toFile(photo);
    site = await startTestSite('sqlite');
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = site.app.server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    for (const other of otherContexts) await other.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
    if (photoDir) rmSync(photoDir, { recursive: true, force: true });
  }, 60_000);

  const shot = (target: Page, name: string) => target.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

  /** The autosave indicator says "Saved" (nothing pending, nothing failed). */
  async function saved(): Promise<void> {
    await expect.poll(() => page.locator('.save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
  }

  async function publish(): Promise<string> {
    await saved();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('published');
    const href = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');
    if (!href) throw new Error('no public link after publishing');
    return href;
  }

  /** A story page as a new reader sees it: a browser of its own (public pages are cached for a minute). */
  async function openPublic(path: string): Promise<Page> {
    if (!browser) throw new Error('browser not launched');
    const readerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    otherContexts.push(readerContext);
    const reader = await readerContext.newPage();
    const response = await reader.goto(base + path, { waitUntil: 'load' });
    expect(response?.status(), `status of ${path}`).toBe(200);
    return reader;
  }

  async function alternates(reader: Page): Promise<Record<string, string>> {
    const links = await reader
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('hreflang') ?? '', new URL(el.getAttribute('href') ?? '', 'https://x.invalid').pathname] as const),
      );
    return Object.fromEntries(links);
  }

  it('first-run setup, sign in, a story with a photo and a paywall break, published and read on the site', async () => {
    await page.goto(`${base}/admin/`, { waitUntil: 'load' });

    // First run: nobody exists yet, so the app asks for the first administrator.
    await page.getByRole('heading', { name: 'Set up your newsroom' }).waitFor();
    await shot(page, 'admin-setup.png');
    await page.getByLabel('Name').fill(ADMIN.name);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Password again').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Stories' }).waitFor();

    // Sign out and back in with the new account.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await shot(page, 'admin-sign-in.png');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Stories' }).waitFor();
    await shot(page, 'admin-story-list.png');

    // A new story: a draft with a title, then the editor.
    await page.getByRole('link', { name: 'New story' }).click();
    await page.getByLabel('Language').last().selectOption('en');
    await page.getByLabel('Title', { exact: true }).fill(STORY.title);
    await page.getByLabel('Dek', { exact: true }).fill(STORY.dek);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/translations\/[^/]+$/);

    const body = page.getByRole('textbox', { name: 'Story' });
    await body.click();
    await page.keyboard.type(STORY.free);
    await page.keyboard.press('Enter');

    // The photo: uploaded through the image dialog, inserted with its alt text, caption and credit.
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an image' });
    await dialog.getByLabel('Image file').setInputFiles(photo);
    await dialog.getByLabel('Alternative text').fill('Two harbour cranes against a blue sky');
    await dialog.getByLabel('Caption').fill('The cranes back at the quay.');
    await dialog.getByLabel('Photographer').fill('Deniz Aksoy');
    await dialog.getByRole('button', { name: 'Upload and insert' }).click();
    await body.locator('figure.story-image img').waitFor();
    expect(await body.locator('figure.story-image img').getAttribute('src')).toMatch(/^\/media\//);

    await page.keyboard.type(STORY.afterPhoto);
    await page.getByRole('button', { name: 'Paywall break' }).click();
    await body.locator('.paywall-break').waitFor();
    expect(await page.getByRole('button', { name: 'Paywall break' }).isDisabled()).toBe(true); // one per story
    await page.keyboard.type(STORY.paid);
    await saved();
    await shot(page, 'admin-editor.png');

    englishEditor = page.url();
    englishPath = await publish();
    expect(englishPath).toMatch(/^\/en\/\d{4}\/\d{2}\/[^/]+$/);
    await shot(page, 'admin-editor-published.png');

    // The story on the reader site: its title, and the uploaded photo actually loading.
    const reader = await openPublic(englishPath);
    expect((await reader.locator('h1').innerText()).trim()).toBe(STORY.title);
    const img = reader.locator('figure.body-image img');
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await img.getAttribute('alt')).toBe('Two harbour cranes against a blue sky');
    expect(await reader.getByText(STORY.free).isVisible()).toBe(true);
    await shot(reader, 'admin-public-story.png');
    expect(problems).toEqual([]);
  });

  it('translated into Turkish side by side, published, and both versions link each other with hreflang', async () => {
    expect(englishPath, 'the first journey published the English story').not.toBe('');

    await page.getByRole('button', { name: 'Translate into Turkish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Translate into Turkish' });
    await dialog.getByLabel('Translated by').selectOption('newsroom');
    await dialog.getByLabel('Credit').fill('Ayşe Demir');
    await dialog.getByRole('button', { name: 'Start translation' }).click();
    await page.getByRole('heading', { name: 'Translation into Turkish' }).waitFor();

    // The source sits beside the translation.
    await expect.poll(() => page.locator('.desk__source-title').textContent()).toBe(STORY.title);
    await page.getByLabel('Title', { exact: true }).fill(TURKISH.title);
    await page.getByLabel('Dek', { exact: true }).fill(TURKISH.dek);
    const body = page.getByRole('textbox', { name: 'Story' });
    await body.click();
    await page.keyboard.type(TURKISH.body);
    await saved();
    await shot(page, 'admin-translation-desk.png');

    const turkishPath = await publish();
    expect(turkishPath).toMatch(/^\/tr\/\d{4}\/\d{2}\/[^/]+$/);

    const tr = await openPublic(turkishPath);
    expect((await tr.locator('h1').innerText()).trim()).toBe(TURKISH.title);
    expect(await tr.locator('html').getAttribute('lang')).toBe('tr');
    const trAlternates = await alternates(tr);
    await shot(tr, 'admin-public-story-tr.png');

    const en = await openPublic(englishPath);
    const enAlternates = await alternates(en);

    expect(trAlternates.en).toBe(englishPath);
    expect(trAlternates.tr).toBe(turkishPath);
    expect(enAlternates.tr).toBe(turkishPath);
    expect(enAlternates.en).toBe(englishPath);
    expect(problems).toEqual([]);
  });

  it('two people editing one story: the later save is refused with a clear message, nothing is overwritten', async () => {
    if (!browser || !context) throw new Error('browser not launched');
    expect(englishEditor, 'the first journey opened the English story').not.toBe('');
    // A colleague, signed in as the same administrator in another browser.
    const colleagueContext = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    otherContexts.push(colleagueContext);
    const colleague = await colleagueContext.newPage();
    await colleague.goto(englishEditor, { waitUntil: 'load' });
    await colleague.getByLabel('Email address').fill(ADMIN.email);
    await colleague.getByLabel('Password').fill(ADMIN.password);
    await colleague.getByRole('button', { name: 'Sign in' }).click();
    const colleagueDek = colleague.getByLabel('Dek', { exact: true });
    await colleagueDek.waitFor();

    await page.goto(englishEditor, { waitUntil: 'load' });
    const dek = page.getByLabel('Dek', { exact: true });
    await dek.waitFor();

    // The colleague saves first…
    await colleagueDek.fill('Updated by a colleague.');
    await expect.poll(() => colleague.locator('.save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    // …so this save is based on a stale version and is refused.
    await dek.fill('Updated here, on an old version.');
    await expect.poll(() => page.locator('.save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('conflict');
    expect(await page.getByRole('alert').innerText()).toContain('Someone else saved this story; reload to see their version');
    await shot(page, 'admin-conflict.png');

    await page.getByRole('button', { name: 'Reload the story' }).click();
    await expect.poll(() => dek.inputValue()).toBe('Updated by a colleague.');
    await saved();
    expect(problems).toEqual([]);
  });
  it('staff lifecycle and "change my password" on their admin screens', async () => {
    const signInStatus = async (email: string, password: string) =>
      (await site?.app.inject({ method: 'POST', url: '/admin/api/v1/session', payload: { email, password } }))?.statusCode;
    await page.goto(`${base}/admin/staff`, { waitUntil: 'load' });
    const add = page.getByRole('region', { name: 'Add a staff member' });
    await add.getByLabel('Name').fill('Wren Writer');
    await add.getByLabel('Email address').fill('wren@example.org');
    await add.getByLabel('First password').fill('a writer passphrase');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    const row = page.getByRole('row', { name: /Wren Writer/ });
    await row.waitFor();
    expect(await signInStatus('wren@example.org', 'a writer passphrase')).toBe(200);

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => row.getByRole('cell', { name: 'Deactivated' }).count()).toBe(1);
    expect(await signInStatus('wren@example.org', 'a writer passphrase')).toBe(401);
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await expect.poll(() => row.getByRole('cell', { name: 'Active', exact: true }).count()).toBe(1);
    expect(await signInStatus('wren@example.org', 'a writer passphrase')).toBe(200);
    await shot(page, 'admin-staff.png');

    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Wren Writer was deleted.' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /Wren Writer/ }).count()).toBe(0);
    expect(await signInStatus('wren@example.org', 'a writer passphrase')).toBe(401);

    await page.getByRole('link', { name: ADMIN.name }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('an even longer newsroom passphrase');
    await page.getByLabel('Password again').fill('an even longer newsroom passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('That is not your current password.');
    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();
    await shot(page, 'admin-account.png');
    expect(await signInStatus(ADMIN.email, ADMIN.password)).toBe(401);
    expect(await signInStatus(ADMIN.email, 'an even longer newsroom passphrase')).toBe(200);
    // This browser's session goes on.
    await page.goto(`${base}/admin/stories`, { waitUntil: 'load' });
    await page.getByRole('link', { name: ADMIN.name }).waitFor();
    expect(problems).toEqual([]);
  });
});
