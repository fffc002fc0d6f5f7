import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaywallSite, type PaywallSite } from '../test/leak/leak-site.js';
import { startSmtpServer, type TestSmtpServer } from '../test/support/smtp.js';
import { startStripeStandIn, type StripeStandIn } from '../test/support/stripe-stand-in.js';
import { launchBrowser } from './support/browser.js';

/**
 * The paywall journey in a real Chromium against the real app (SQLite): an anonymous reader reads
 * three metered stories, meets the paywall on the fourth, signs up through the link mailed to them
 * (a real SMTP server), reads on within the members' meter, meets the paywall on a paid story,
 * subscribes through the Stripe stand-in's hosted checkout (its Pay button; the webhook reaches our
 * route), and reads the whole paid story. Each step asserts what the reader sees, including that the
 * withheld canary sentence is absent before and present after.
 */

const SCREENSHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));
const JOURNEY_TIMEOUT = 120_000;
const STRIPE_KEY = 'sk_test_masthead_paywall';
const WEBHOOK_SECRET = 'whsec_test_masthead_paywall';
const EMAIL = 'new.reader@example.org';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the paywall journey in Chromium (sqlite)', { timeout: JOURNEY_TIMEOUT }, () => {
  let site: PaywallSite | undefined;
  let smtp: TestSmtpServer | undefined;
  let stripe: StripeStandIn | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let base = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    smtp = await startSmtpServer();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Stripe and the site share one clock, as in production: the site refuses events signed in its future.
    const clock = { now: () => (site ? site.clock.now() : new Date()) };
    stripe = await startStripeStandIn({ webhookSecret: WEBHOOK_SECRET, apiKey: STRIPE_KEY, clock });
    site = await startPaywallSite('sqlite', {
      runJobs: true,
      env: {
        PUBLIC_URL: base,
        PAGE_CACHE_SECONDS: '10',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Masthead <news@example.org>',
        STRIPE_SECRET_KEY: STRIPE_KEY,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE: stripe.url,
      },
    });
    stripe.setWebhookTarget(`${base}/webhooks/stripe`);
    await site.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
    await stripe?.close();
    await smtp?.close();
  }, 60_000);

  async function visit(page: Page, path: string): Promise<void> {
    const response = await page.goto(base + path, { waitUntil: 'load' });
    expect(response?.status(), `status of ${path}`).toBe(200);
  }
  const bodyText = (page: Page) => page.locator('.story__body').innerText();
  const shot = (page: Page, name: string) => page.screenshot({ path: SCREENSHOTS + name, fullPage: true });

  it('anonymous: three metered stories, the paywall on the fourth, sign up by mail, subscribe, read it all', async () => {
    if (!site || !context || !smtp || !stripe) throw new Error('not started');
    const { metered, paid } = site.stories;
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    // 1. Three metered stories, whole.
    for (const story of metered.slice(0, 3)) {
      await visit(page, story.en.path);
      expect(await bodyText(page)).toContain(story.en.canary);
      expect(await page.locator('.paywall').count()).toBe(0);
    }
    // The meter is the server's: HttpOnly, invisible to scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('mh_meter');
    expect((await context.cookies(base)).find((c) => c.name === 'mh_meter')?.httpOnly).toBe(true);

    // 2. The fourth: the preview, then the paywall with the benefits and both buttons.
    const fourth = metered[3]!;
    await visit(page, fourth.en.path);
    expect(await bodyText(page)).toContain(fourth.en.lead);
    expect(await page.content()).not.toContain(fourth.en.canary);
    const paywall = page.locator('.paywall');
    await expect.poll(() => paywall.isVisible()).toBe(true);
    expect(await paywall.locator('h2').innerText()).toBe('Register for free to keep reading');
    expect(await paywall.locator('.paywall__benefits li').count()).toBeGreaterThanOrEqual(2);
    expect(await paywall.innerText()).toContain('Week in Review');
    await shot(page, 'paywall-fourth-metered-story.png');

    // 3. Sign up: the paywall's Sign in button, the form, the mailed link, its confirm button.
    await paywall.locator('a.paywall__sign-in').click();
    await page.waitForURL((url) => url.pathname === '/en/sign-in');
    expect(new URL(page.url()).searchParams.get('return')).toBe(fourth.en.path);
    await page.locator('input[name="email"]').fill(EMAIL);
    await Promise.all([page.waitForLoadState('load'), page.locator('form[method="post"] button[type="submit"]').click()]);
    const mail = await smtp.waitFor((m) => m.to.includes(EMAIL), 10_000);
    const link = /https?:\/\/[^\s"<>]+\/sign-in\/verify\?token=[^\s"<>]+/.exec(mail.text)?.[0];
    expect(link, `a sign-in link in the mail:\n${mail.text}`).toBeTruthy();
    expect(link!.startsWith(base)).toBe(true);
    await page.goto(link!, { waitUntil: 'load' });
    await Promise.all([
      page.waitForURL((url) => url.pathname === fourth.en.path),
      page.locator('form[method="post"] button[type="submit"]').click(),
    ]);

    // Back on the fourth story, now as a member: it counts against the member's monthly meter.
    expect(await bodyText(page)).toContain(fourth.en.canary);
    expect(await page.locator('.paywall').count()).toBe(0);

    // 4. A paid story: the subscribe offer, no sign-in button for a member.
    await visit(page, paid.en.path);
    expect(await page.content()).not.toContain(paid.en.canary);
    await expect.poll(() => page.locator('.paywall').isVisible()).toBe(true);
    expect(await page.locator('.paywall h2').innerText()).toBe('Subscribe to keep reading');
    expect(await page.locator('.paywall a.paywall__sign-in').count()).toBe(0);
    await shot(page, 'paywall-paid-story-member.png');

    // 5. Subscribe: the plans page, a plan's button, the stand-in's hosted checkout and its Pay button.
    await page.locator('.paywall a.paywall__subscribe').click();
    await page.waitForURL((url) => url.pathname === '/en/subscribe');
    await Promise.all([
      page.waitForURL((url) => url.origin === stripe!.url),
      page.locator('form[method="post"][action="/en/subscribe"] button[type="submit"]').first().click(),
    ]);
    await Promise.all([page.waitForURL((url) => url.origin === base), page.getByRole('button', { name: 'Pay' }).click()]);
    expect(stripe.deliveries.length).toBeGreaterThan(0);
    expect(
      stripe.deliveries.every((d) => d.status === 200),
      JSON.stringify(stripe.deliveries.map((d) => [d.event.type, d.status, d.responseBody])),
    ).toBe(true);

    // 6. The whole paid story, in English and in its Turkish translation.
    await visit(page, paid.en.path);
    expect(await bodyText(page)).toContain(paid.en.canary);
    expect(await page.locator('.paywall').count()).toBe(0);
    await visit(page, paid.tr!.path);
    expect(await bodyText(page)).toContain(paid.tr!.canary);
    await shot(page, 'paywall-subscriber-reads.png');

    // 7. Another browser, anonymous, right after: still the paywall (nothing was shared through a cache).
    const stranger = await browser!.newContext();
    try {
      const other = await stranger.newPage();
      await other.goto(base + paid.en.path, { waitUntil: 'load' });
      expect(await other.content()).not.toContain(paid.en.canary);
      expect(await other.locator('.paywall').isVisible()).toBe(true);
    } finally {
      await stranger.close();
    }
  });
});
