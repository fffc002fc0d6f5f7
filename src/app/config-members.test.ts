import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const LOCALES = ['en', 'tr', 'ar', 'fa'];
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, LOCALES);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
function file(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'masthead-plans-')), 'masthead.json');
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe('configuration of plans, paywall and payments', () => {
  it('defaults to the demo plans, the paywall defaults and no payment provider', () => {
    const config = loadConfig({}, LOCALES);
    expect(config.plans.map((p) => [p.id, p.kind, p.trialDays ?? null])).toEqual([
      ['registered', 'free', null],
      ['supporter', 'paid', 14],
    ]);
    expect(config.paywall).toMatchObject({ anonymousMeterLimit: 3, registeredMeterLimit: 10, archiveDays: null });
    expect(config.payments).toBeNull();
  });

  it('reads Stripe keys (and the stand-in base) from the environment, naming a missing half', () => {
    const env = { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_API_BASE: 'http://127.0.0.1:4242' };
    expect(loadConfig(env, LOCALES).payments).toEqual({
      provider: 'stripe',
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_abc',
      api: { host: '127.0.0.1', port: 4242, protocol: 'http' },
    });
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toEqual(['STRIPE_WEBHOOK_SECRET: required when the other Stripe key is set']);
    expect(problems({ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' })[0]).toMatch(
      /^STRIPE_SECRET_KEY: a Stripe secret/,
    );
  });

  it('validates plans and paywall from the file, naming the key', () => {
    const paid = {
      id: 'member',
      kind: 'paid',
      name: { en: 'Member', tr: 'Üye', ar: 'عضو', fa: 'عضو' },
      monthly: { priceId: 'price_1', amount: 500, currency: 'USD' },
    };
    expect(loadConfig({ MASTHEAD_CONFIG: file({ plans: [paid], paywall: { archiveDays: 30 } }) }, LOCALES)).toMatchObject({
      plans: [{ id: 'member' }],
      paywall: { archiveDays: 30, registeredMeterLimit: 10 },
    });
    expect(problems({ MASTHEAD_CONFIG: file({ plans: [{ ...paid, name: { en: 'Member' } }] }) })).toEqual([
      expect.stringMatching(/masthead\.json: plans\.0\.name: missing the "tr" text$/),
      expect.stringMatching(/plans\.0\.name: missing the "ar" text$/),
      expect.stringMatching(/plans\.0\.name: missing the "fa" text$/),
    ]);
    expect(
      problems({ MASTHEAD_CONFIG: file({ plans: [{ ...paid, monthly: { priceId: 'p', amount: 1, currency: 'euro' } }] }) })[0],
    ).toMatch(/masthead\.json: plans\.0\.monthly\.currency: an ISO 4217 code/);
    expect(problems({ MASTHEAD_CONFIG: file({ paywall: { anonymousMeterLimit: -1 } }) })[0]).toMatch(
      /masthead\.json: paywall\.anonymousMeterLimit: /,
    );
  });

  it('reads paywall.crawlerAccess from the file (off by default), naming a bad key', () => {
    expect(loadConfig({}, LOCALES).paywall.crawlerAccess.enabled).toBe(false);
    const on = loadConfig(
      { MASTHEAD_CONFIG: file({ paywall: { crawlerAccess: { enabled: true, hostSuffixes: ['.googlebot.com'] } } }) },
      LOCALES,
    );
    expect(on.paywall.crawlerAccess).toEqual({ enabled: true, hostSuffixes: ['.googlebot.com'], cacheSeconds: 86_400 });
    expect(problems({ MASTHEAD_CONFIG: file({ paywall: { crawlerAccess: { enabled: 'yes' } } }) })[0]).toMatch(
      /masthead\.json: paywall\.crawlerAccess\.enabled: /,
    );
    expect(problems({ MASTHEAD_CONFIG: file({ paywall: { crawlerAccess: { hostSuffixes: ['googlebot.com'] } } }) })[0]).toMatch(
      /masthead\.json: paywall\.crawlerAccess\.hostSuffixes\.0: a lower-case domain suffix starting with a dot/,
    );
    expect(problems({ MASTHEAD_CONFIG: file({ paywall: { crawlerAccess: { trustUserAgent: true } } }) })[0]).toMatch(
      /paywall\.crawlerAccess: /,
    );
  });
});
