import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseSettings } from '../adapters/db/connect.js';
import { DEFAULT_PLANS, missingPlanTexts, PlansConfigSchema, type PlansConfig } from '../modules/members/index.js';
import { PaywallConfigSchema, parsePaywallConfig, type PaywallConfig } from '../modules/paywall/index.js';

/**
 * Configuration from the environment and an optional JSON file (MASTHEAD_CONFIG). Validated once at
 * start; a bad value stops the process with a message naming the key and the expected form.
 * Environment variables win over the file.
 */
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

const editionSchema = z
  .object({
    locale: z.string().regex(LOCALE, 'a BCP 47 language tag such as "en", "tr" or "pt-BR"'),
    /** Source locales whose untranslated stories this edition also lists (language fallback). */
    includes: z.array(z.string().regex(LOCALE)).default([]),
    /** The name of the site in this edition, shown in the header. */
    siteName: z.string().min(1).optional(),
    /**
     * The digits this edition writes dates and numbers in, a CLDR numbering system: "latn"
     * (0-9), "arab" (Arabic-Indic ٠-٩) or "arabext" (Persian ۰-۹). Default: the language's CLDR
     * default (ar: latn, fa: arabext).
     */
    digits: z.enum(['latn', 'arab', 'arabext']).optional(),
  })
  .strict();

const fileSchema = z
  .object({
    siteName: z.string().min(1).optional(),
    defaultEdition: z.string().optional(),
    editions: z.array(editionSchema).min(1).optional(),
    timeZone: z.string().optional(),
    /** Free and paid plans with their benefits in every edition's language (default: DEFAULT_PLANS). */
    plans: PlansConfigSchema.optional(),
    /** Meter limits and the archive rule (src/modules/paywall). */
    paywall: PaywallConfigSchema.optional(),
  })
  .strict();

const portSchema = z.coerce
  .number({ error: 'a whole number from 1 to 65535' })
  .int('a whole number from 1 to 65535')
  .min(1, 'a whole number from 1 to 65535')
  .max(65535, 'a whole number from 1 to 65535');

const boolSchema = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'one of true, false, 1, 0, yes, no' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://news.example.org' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEFAULT_EDITION: z.string().regex(LOCALE, 'a language tag such as "en"').optional(),
  EDITIONS: z
    .string()
    .regex(
      /^[a-zA-Z-]+(:[a-zA-Z-]+(\+[a-zA-Z-]+)*)?(,[a-zA-Z-]+(:[a-zA-Z-]+(\+[a-zA-Z-]+)*)?)*$/,
      'a comma-separated list of locales, each optionally with the source locales it includes, e.g. "en,tr:en,ar:en"',
    )
    .optional(),
  SITE_NAME: z.string().min(1).optional(),
  TIME_ZONE: z.string().optional(),
  MIGRATE_ON_START: boolSchema.default(true),
  SEED_DEMO_ON_START: boolSchema.default(true),
  WEB_CONCURRENCY: z
    .string()
    .regex(/^(auto|[1-9]\d{0,2})$/, 'a number of web processes from 1 to 999, or "auto" for one per CPU core')
    .default('1'),
  RUN_JOBS: boolSchema.default(true),
  IMAGE_WORKERS: z
    .string()
    .regex(/^(auto|[1-9]\d?)$/, 'a number of images processed at once from 1 to 99, or "auto" for half the CPU cores')
    .default('auto'),
  IMAGE_UPLOADS_PER_ACCOUNT: z.coerce.number({ error: 'a whole number from 1 to 100' }).int().min(1).max(100).default(2),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d{1,2}|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/,
      'false, true, a number of proxy hops (e.g. 1), or comma-separated proxy addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8)',
    )
    .default('false'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret or restricted key (sk_live_…, rk_live_…, sk_test_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'the signing secret of the webhook endpoint (whsec_…)')
    .optional(),
  /** Tests only: where the Stripe API lives (the local stand-in). */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as http://127.0.0.1:12111' }).optional(),
  PAGE_CACHE_SECONDS: z.coerce
    .number({ error: 'a number of seconds from 0 to 86400' })
    .min(0, 'a number of seconds from 0 to 86400')
    .max(86400, 'a number of seconds from 0 to 86400')
    .default(3600),
  CDN_PURGE_URL: z
    .url({
      protocol: /^https?$/,
      error: 'an absolute http(s) URL that purges by key, such as https://api.cloudflare.com/client/v4/zones/<zone>/purge_cache',
    })
    .optional(),
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
  CDN_MAX_AGE_SECONDS: z.coerce
    .number({ error: 'a whole number of seconds from 1 to 31536000' })
    .int('a whole number of seconds from 1 to 31536000')
    .min(1, 'a whole number of seconds from 1 to 31536000')
    .max(31_536_000, 'a whole number of seconds from 1 to 31536000')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type EditionConfig = { locale: string; includes: string[]; siteName: string; digits?: Digits };
/** A CLDR numbering system an edition may choose for its dates and numbers. */
export type Digits = 'latn' | 'arab' | 'arabext';

/**
 * What shared caches in front of the site are told, and where their purges go
 * (docs/adr/0004-page-invalidation.md, docs/operations.md "Caching and CDNs").
 */
export interface CdnConfig {
  /** POSTed the keys of every change (a `cdn.purge` job); null: no CDN purge, shared caches keep pages 1 s. */
  purgeUrl: string | null;
  /** Sent as `Authorization: Bearer …` to the purge URL; never logged. */
  purgeToken: string | null;
  /** `s-maxage` of pages that are the same for everyone. */
  sharedMaxAge: number;
  /** `stale-while-revalidate` for shared caches (0 without a purge URL). */
  staleWhileRevalidate: number;
}

/** The payment provider, when configured (both Stripe keys set); null: paid plans say payments are off. */
export interface PaymentsConfig {
  provider: 'stripe';
  secretKey: string;
  webhookSecret: string;
  /** Only tests point the SDK elsewhere (STRIPE_API_BASE). */
  api: { host: string; port: number; protocol: 'http' | 'https' } | null;
}

/** Where the data lives (DATABASE_URL): the settings `connectDatabase` takes. */
export type Database = DatabaseSettings;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** PUBLIC_URL is https: cookies are `Secure` and browsers are told to keep to https. */
  https: boolean;
  dataDir: string;
  database: Database;
  siteName: string;
  defaultEdition: string;
  editions: EditionConfig[];
  timeZone: string;
  migrateOnStart: boolean;
  seedDemoOnStart: boolean;
  pageCacheSeconds: number;
  cdn: CdnConfig;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits, crawler checks):
   * false, true (any), a hop count, or a list of addresses/CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** Whether `start` also runs background jobs (off when `masthead worker` runs them elsewhere). */
  runJobs: boolean;
  /** Outgoing mail; absent in development, where links are logged instead. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Web processes sharing the port; 1 serves from the main process. */
  webConcurrency: number;
  /** Image uploads: images decoded and encoded at once per process, and uploads in progress per account. */
  images: { workers: number; uploadsPerAccount: number };
  logLevel: string;
  production: boolean;
  plans: PlansConfig;
  paywall: PaywallConfig;
  payments: PaymentsConfig | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_EDITIONS: EditionConfig[] = [
  { locale: 'en', includes: [], siteName: '' },
  { locale: 'tr', includes: ['en'], siteName: '' },
  { locale: 'ar', includes: ['en'], siteName: '' },
  { locale: 'fa', includes: ['en', 'ar'], siteName: '' },
];

function describeIssues(source: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const key = issue.path.join('.') || '(root)';
    return `${source}${key}: ${issue.message}`;
  });
}

function parseEditionsEnv(value: string): EditionConfig[] {
  return value.split(',').map((entry) => {
    const [locale = '', includes = ''] = entry.split(':');
    return { locale, includes: includes ? includes.split('+') : [], siteName: '' };
  });
}

/** The database chosen by DATABASE_URL: a postgres: URL, or a file path / sqlite: URL. */
export function parseDatabaseUrl(value: string | undefined, dataDir: string): Database {
  if (!value) return { kind: 'sqlite', file: resolve(dataDir, 'masthead.db') };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  if (value.startsWith('sqlite:')) {
    const path = value.replace(/^sqlite:(\/\/)?/, '');
    return { kind: 'sqlite', file: path === ':memory:' ? path : resolve(path) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ConfigError([
      `DATABASE_URL: unsupported scheme in "${value.split(':')[0]}:"; expected a postgres:// URL, a sqlite: URL or a file path`,
    ]);
  }
  return { kind: 'sqlite', file: value === ':memory:' ? value : resolve(value) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, availableLocales?: readonly string[]): Config {
  const problems: string[] = [];
  let file: z.infer<typeof fileSchema> = {};
  const configPath = env.MASTHEAD_CONFIG;
  if (configPath) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch {
      throw new ConfigError([`MASTHEAD_CONFIG: cannot read the file ${configPath}`]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ConfigError([`MASTHEAD_CONFIG: ${configPath} is not valid JSON (${(e as Error).message})`]);
    }
    const parsed = fileSchema.safeParse(json);
    if (parsed.success) file = parsed.data;
    else problems.push(...describeIssues(`${configPath}: `, parsed.error));
  }

  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) problems.push(...describeIssues('', parsedEnv.error));
  if (problems.length > 0 || !parsedEnv.success) throw new ConfigError(problems);
  const e = parsedEnv.data;

  const siteName = e.SITE_NAME ?? file.siteName ?? 'The Masthead Chronicle';
  const editions = (e.EDITIONS ? parseEditionsEnv(e.EDITIONS) : (file.editions ?? DEFAULT_EDITIONS)).map((ed) => ({
    locale: ed.locale,
    includes: ed.includes ?? [],
    siteName: ed.siteName || siteName,
    ...(ed.digits && { digits: ed.digits }),
  }));
  const locales = editions.map((ed) => ed.locale);
  const editionKey = e.EDITIONS ? 'EDITIONS' : 'editions';
  const seen = new Set<string>();
  for (const ed of editions) {
    if (!LOCALE.test(ed.locale)) problems.push(`${editionKey}: "${ed.locale}" is not a language tag such as "en"`);
    if (seen.has(ed.locale)) problems.push(`${editionKey}: the edition "${ed.locale}" is listed twice`);
    seen.add(ed.locale);
    if (availableLocales && !availableLocales.includes(ed.locale)) {
      problems.push(
        `${editionKey}: no interface catalog for "${ed.locale}" (locales/${ed.locale}.json); available: ${availableLocales.join(', ')}`,
      );
    }
    for (const inc of ed.includes) {
      if (inc === ed.locale) problems.push(`${editionKey}: edition "${ed.locale}" cannot include itself`);
      if (!LOCALE.test(inc)) problems.push(`${editionKey}: "${inc}" (included by "${ed.locale}") is not a language tag`);
    }
  }
  const defaultEdition = e.DEFAULT_EDITION ?? file.defaultEdition ?? locales[0] ?? 'en';
  if (!locales.includes(defaultEdition)) {
    problems.push(
      `${e.DEFAULT_EDITION ? 'DEFAULT_EDITION' : 'defaultEdition'}: "${defaultEdition}" is not one of the editions (${locales.join(', ')})`,
    );
  }
  const timeZone = e.TIME_ZONE ?? file.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`${e.TIME_ZONE ? 'TIME_ZONE' : 'timeZone'}: "${timeZone}" is not an IANA time zone such as "Europe/Istanbul"`);
  }

  if (file.plans) problems.push(...missingPlanTexts(file.plans, locales).map((p) => `${configPath}: ${p}`));
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    problems.push(`${e.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY'}: required when the other Stripe key is set`);
  }

  if (e.CDN_MAX_AGE_SECONDS !== undefined && !e.CDN_PURGE_URL) {
    problems.push('CDN_MAX_AGE_SECONDS: requires CDN_PURGE_URL (without a purge, shared caches may keep pages only 1 second)');
  }
  if (e.CDN_PURGE_TOKEN !== undefined && !e.CDN_PURGE_URL) problems.push('CDN_PURGE_TOKEN: requires CDN_PURGE_URL');

  let database: Database | undefined;
  try {
    database = parseDatabaseUrl(e.DATABASE_URL, e.DATA_DIR);
  } catch (err) {
    if (err instanceof ConfigError) problems.push(...err.problems);
    else throw err;
  }
  if (problems.length > 0 || !database) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    https: publicUrl.startsWith('https:'),
    dataDir: resolve(e.DATA_DIR),
    database,
    siteName,
    defaultEdition,
    editions,
    timeZone,
    migrateOnStart: e.MIGRATE_ON_START,
    seedDemoOnStart: e.SEED_DEMO_ON_START,
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    cdn: {
      purgeUrl: e.CDN_PURGE_URL ?? null,
      purgeToken: e.CDN_PURGE_TOKEN ?? null,
      sharedMaxAge: e.CDN_PURGE_URL ? (e.CDN_MAX_AGE_SECONDS ?? 3600) : 1,
      staleWhileRevalidate: e.CDN_PURGE_URL ? 30 : 0,
    },
    runJobs: e.RUN_JOBS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `${siteName} <no-reply@${new URL(publicUrl).hostname}>`,
    webConcurrency: e.WEB_CONCURRENCY === 'auto' ? availableParallelism() : Number(e.WEB_CONCURRENCY),
    images: {
      workers: e.IMAGE_WORKERS === 'auto' ? Math.max(1, Math.floor(availableParallelism() / 2)) : Number(e.IMAGE_WORKERS),
      uploadsPerAccount: e.IMAGE_UPLOADS_PER_ACCOUNT,
    },
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    plans: file.plans ?? DEFAULT_PLANS,
    paywall: parsePaywallConfig(file.paywall),
    payments: paymentsConfig(e.STRIPE_SECRET_KEY, e.STRIPE_WEBHOOK_SECRET, e.STRIPE_API_BASE),
  };
}

function paymentsConfig(
  secretKey: string | undefined,
  webhookSecret: string | undefined,
  apiBase: string | undefined,
): PaymentsConfig | null {
  if (!secretKey || !webhookSecret) return null;
  const base = apiBase ? new URL(apiBase) : null;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  const api = base
    ? { host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)), protocol: protocol as 'http' | 'https' }
    : null;
  return { provider: 'stripe', secretKey, webhookSecret, api };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  return value.split(',');
}
