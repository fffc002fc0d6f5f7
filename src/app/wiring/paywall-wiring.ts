import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.js';
import { readOrCreateSiteSecret, readSiteSecret } from '../../adapters/db/repositories/paywall/site-secret-kysely-repository.js';
import { createCrawlerVerifier, nodeDnsResolver, type Resolver } from '../../adapters/http/site/crawler-verification.js';
import { anonymousReaderResolver, withMembers } from '../../adapters/http/site/reader-resolver.js';
import type { SitePaywall } from '../../adapters/http/site/site-deps.js';
import {
  DEFAULT_PAYWALL_CONFIG,
  METER_SECRET_MIN_LENGTH,
  type MembersForPaywall,
  type PaywallConfig,
} from '../../modules/paywall/index.js';
import { ConfigError } from '../config.js';
import type { Services } from '../services.js';

/** The `site_meta` key of the meter secret made on first start. */
export const METER_SECRET_META_KEY = 'meter_secret';

/**
 * The anonymous meter's HMAC secrets, current first. METER_SECRET (one secret, or several separated
 * by commas to rotate: the first signs, all verify) when set; else one made on the first start and
 * stored in the database, so every process and every restart shares it. A stored secret stays
 * accepted after METER_SECRET is introduced, so switching does not put every reader over the limit
 * (an unverifiable cookie counts as over the limit).
 */
export async function loadMeterSecrets(db: Kysely<DB>, env: NodeJS.ProcessEnv): Promise<string[]> {
  const configured = env.METER_SECRET?.trim();
  if (!configured) {
    return [await readOrCreateSiteSecret(db, METER_SECRET_META_KEY, () => randomBytes(32).toString('base64url'))];
  }
  const secrets = configured.split(',').map((s) => s.trim());
  if (secrets.some((s) => s.length < METER_SECRET_MIN_LENGTH)) {
    throw new ConfigError([
      `METER_SECRET: each secret must be at least ${METER_SECRET_MIN_LENGTH} characters (several, comma-separated, rotate keys: the first signs, all verify)`,
    ]);
  }
  const stored = await readSiteSecret(db, METER_SECRET_META_KEY);
  return [...new Set(stored ? [...secrets, stored] : secrets)];
}

export interface PaywallWiringOptions {
  members?: MembersForPaywall | null;
  config?: PaywallConfig;
  /** The DNS that verifies search crawlers (when `crawlerAccess` is enabled); default: real DNS (node:dns). Tests pass a stand-in. */
  crawlerResolver?: Resolver;
}

/**
 * The reader site's paywall: the access rules' configuration, the reader resolver (anonymous with
 * the signed meter; members first when the members module is wired), the meter's secrets and, only
 * when `crawlerAccess` is enabled, the search crawler verifier.
 */
export function buildSitePaywall(services: Services, options: PaywallWiringOptions = {}): SitePaywall {
  const anonymous = anonymousReaderResolver(services.meterSecrets);
  const members = options.members ?? null;
  const plansFor = members?.plansFor?.bind(members);
  const giftFor = members?.giftFor?.bind(members);
  const config = options.config ?? services.config.paywall ?? DEFAULT_PAYWALL_CONFIG;
  const crawlers = config.crawlerAccess.enabled
    ? createCrawlerVerifier({
        config: config.crawlerAccess,
        resolver: options.crawlerResolver ?? nodeDnsResolver(),
        now: () => services.clock.now().getTime(),
      })
    : null;
  return {
    config,
    clock: services.clock,
    resolveReader: members ? withMembers(members.resolveReader, anonymous) : anonymous,
    recordMemberRead: members
      ? (memberId, storyId, now) => members.recordMemberRead(memberId, storyId, now)
      : async () => {
          throw new Error('A member read was counted, but no members module is wired');
        },
    meterSecrets: services.meterSecrets,
    secureCookies: services.config.https,
    ...(plansFor && { plansFor }),
    ...(giftFor && { giftFor }),
    ...(crawlers && { crawlers }),
  };
}
