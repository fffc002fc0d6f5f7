import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildMembersPaywallApi } from '../../src/app/wiring/members-wiring.js';
import type { MembersForPaywall } from '../../src/modules/paywall/index.js';
import type { DialectName } from '../support/databases.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { guardNetwork } from '../support/stripe-stand-in-network-guard.js';
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in.js';
import { settleJobs, startTestSite, type TestSite } from '../support/test-site.js';

/**
 * Test kit for the members suites: a browser with a cookie jar over `app.inject` (each with its
 * own client address, so per-address limits stay per browser), sign-in through real mail, and a
 * site wired to a real SMTP server and (optionally) the Stripe stand-in.
 */
export const STRIPE_KEY = 'sk_test_members_suite';
export const STRIPE_SECRET = 'whsec_members_suite';
export const SITE = 'https://news.example.org';
const LINK = /https:\/\/news\.example\.org\/(\w+)\/sign-in\/verify\?token=([\w-]{43})/;

let addresses = 0;

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    /** Its client address: its own unless given. */
    readonly ip = `10.1.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`,
  ) {}

  get cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.absorb(await this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { ...this.jar(), ...headers } }));
  }

  async post(url: string, form: Record<string, string>) {
    return this.absorb(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: { ...this.jar(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      }),
    );
  }

  /** GETs the page, then posts its form (with its CSRF token) plus `fields`. */
  async submit(pageUrl: string, action: string, fields: Record<string, string> = {}) {
    const page = await this.get(pageUrl);
    return this.post(action, { csrf: csrfIn(page.body), ...fields });
  }

  private jar(): Record<string, string> {
    const header = this.cookieHeader;
    return header ? { cookie: header } : {};
  }

  private absorb(res: LightMyRequestResponse): LightMyRequestResponse {
    const header = res.headers['set-cookie'];
    for (const line of Array.isArray(header) ? header : header ? [header] : []) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return res;
  }
}

export function csrfIn(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no csrf field in:\n${html.slice(0, 2000)}`);
  return token;
}

export function setCookies(res: LightMyRequestResponse): string[] {
  const header = res.headers['set-cookie'];
  return Array.isArray(header) ? header : header ? [header] : [];
}

export interface MembersSite {
  site: TestSite;
  smtp: TestSmtpServer;
  api: Required<MembersForPaywall>;
  standIn: StripeStandIn | null;
  guard: ReturnType<typeof guardNetwork>;
  /** The newest mail to this address not yet taken, waiting for it. */
  mailTo(email: string): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A site with SMTP, and with `payments: true` the Stripe stand-in delivering webhooks in-process. */
export async function startMembersSite(
  dialect: DialectName,
  options: { payments?: boolean; config?: object; env?: Record<string, string> } = {},
): Promise<MembersSite> {
  const guard = guardNetwork();
  const smtp = await startSmtpServer();
  let site: TestSite | undefined;
  const clock = { now: () => (site ? site.clock.now() : new Date()) };
  const standIn = options.payments ? await startStripeStandIn({ webhookSecret: STRIPE_SECRET, apiKey: STRIPE_KEY, clock }) : null;
  const env: Record<string, string> = { SMTP_URL: smtp.url, ...options.env };
  if (standIn) Object.assign(env, { STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_WEBHOOK_SECRET: STRIPE_SECRET, STRIPE_API_BASE: standIn.url });
  if (options.config) {
    const file = join(process.env.TMPDIR ?? '/tmp', `masthead-members-${process.pid}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(options.config));
    env.MASTHEAD_CONFIG = file;
  }
  site = await startTestSite(dialect, env, { runJobs: true });
  const app = site.app;
  standIn?.setWebhookTarget(async ({ body, headers }) => {
    const res = await app.inject({ method: 'POST', url: '/webhooks/stripe', payload: body, headers });
    return { status: res.statusCode, body: res.body };
  });
  const taken = new Set<ReceivedMail>();
  const started = site;
  return {
    site: started,
    smtp,
    api: buildMembersPaywallApi(started.services),
    standIn,
    guard,
    async mailTo(email) {
      const mail = await smtp.waitFor((m) => m.to.includes(email) && !taken.has(m));
      taken.add(mail);
      await settleJobs(started.services);
      return mail;
    },
    async close() {
      await started.close();
      await standIn?.close();
      await smtp.close();
      guard.restore();
      expect(guard.attempts).toEqual([]);
    },
  };
}

/** The link in a sign-in mail: its edition and token. */
export function linkIn(mail: ReceivedMail): { locale: string; token: string; path: string } {
  const m = LINK.exec(mail.text);
  if (!m) throw new Error(`no sign-in link in:\n${mail.text}`);
  return { locale: m[1] as string, token: m[2] as string, path: `/${m[1]}/sign-in/verify?token=${m[2]}` };
}

/** Asks for a link in the browser, takes it from the mail, confirms it: the browser is signed in. */
export async function signIn(
  ms: MembersSite,
  browser: Browser,
  email: string,
  locale = 'en',
  returnPath?: string,
): Promise<LightMyRequestResponse> {
  const form = await browser.get(`/${locale}/sign-in${returnPath ? `?return=${encodeURIComponent(returnPath)}` : ''}`);
  const requested = await browser.post(`/${locale}/sign-in`, { csrf: csrfIn(form.body), email, return: returnPath ?? '' });
  expect(requested.statusCode).toBe(202);
  const link = linkIn(await ms.mailTo(email));
  const confirm = await browser.get(link.path);
  expect(confirm.statusCode).toBe(200);
  const done = await browser.post(`/${link.locale}/sign-in/verify`, { csrf: csrfIn(confirm.body), token: link.token });
  expect(done.statusCode).toBe(303);
  expect(browser.cookies.has('mh_member')).toBe(true);
  return done;
}
