import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAYWALL_CONFIG,
  parsePaywallConfig,
  type AccessLevel,
  type GiftLink,
  type PaywallConfig,
  type ReaderState,
} from './access-types.js';
import { decideAccess } from './decide-access.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const STORY = 'story-this';
const LEVELS: AccessLevel[] = ['public', 'metered', 'registered', 'paid'];
const ON = parsePaywallConfig({ crawlerAccess: { enabled: true } });
const ON_ARCHIVE = parsePaywallConfig({ crawlerAccess: { enabled: true }, archiveDays: 365 });
const CRAWLER = { granted: true, reason: 'verified_crawler', countRead: false } as const;

const ANONYMOUS: Record<string, ReaderState> = {
  fresh: { kind: 'anonymous', meter: [] },
  'over the meter': {
    kind: 'anonymous',
    meter: ['a', 'b', 'c'].map((storyId, i) => ({ storyId, firstReadAt: new Date(NOW.getTime() - (i + 1) * DAY) })),
  },
  'tampered meter': { kind: 'anonymous', meter: 'invalid' },
};
const GIFTS: Record<string, GiftLink | undefined> = {
  none: undefined,
  this: { storyId: STORY, expiresAt: new Date(NOW.getTime() + DAY), usesRemaining: 1 },
};

function decide(
  level: AccessLevel,
  reader: ReaderState,
  config: PaywallConfig,
  extra: { verifiedCrawler?: boolean; gift?: GiftLink; publishedAt?: Date } = {},
) {
  const { publishedAt = new Date(NOW.getTime() - 10 * DAY), ...rest } = extra;
  return decideAccess({ story: { storyId: STORY, accessLevel: level, publishedAt }, reader, now: NOW, config, ...rest });
}

describe('decideAccess: verified search crawlers', () => {
  it('is off by default: the config key exists and says so', () => {
    expect(DEFAULT_PAYWALL_CONFIG.crawlerAccess).toEqual({
      enabled: false,
      hostSuffixes: ['.googlebot.com', '.google.com', '.search.msn.com', '.applebot.apple.com'],
      cacheSeconds: 86_400,
    });
  });

  it('grants a verified crawler paid, registered, metered and archived stories, never counting a read or using a gift', () => {
    for (const level of LEVELS) {
      for (const reader of Object.values(ANONYMOUS)) {
        for (const gift of Object.values(GIFTS)) {
          expect(decide(level, reader, ON, { verifiedCrawler: true, ...(gift && { gift }) })).toEqual(CRAWLER);
          // Archived (400 days old with the rule at 365): still the whole story.
          expect(decide(level, reader, ON_ARCHIVE, { verifiedCrawler: true, publishedAt: new Date(NOW.getTime() - 400 * DAY) })).toEqual(
            CRAWLER,
          );
        }
      }
    }
  });

  it('gives an unverified request (one that merely claims to be Googlebot) exactly what an anonymous reader gets', () => {
    for (const config of [ON, ON_ARCHIVE, DEFAULT_PAYWALL_CONFIG]) {
      for (const level of LEVELS) {
        for (const reader of Object.values(ANONYMOUS)) {
          for (const gift of Object.values(GIFTS)) {
            for (const publishedAt of [new Date(NOW.getTime() - 10 * DAY), new Date(NOW.getTime() - 400 * DAY)]) {
              const base = { ...(gift && { gift }), publishedAt };
              const anonymous = decide(level, reader, config, base);
              expect(decide(level, reader, config, { ...base, verifiedCrawler: false })).toEqual(anonymous);
              expect(anonymous.reason).not.toBe('verified_crawler');
            }
          }
        }
      }
    }
    expect(decide('paid', ANONYMOUS.fresh as ReaderState, ON)).toEqual({
      granted: false,
      reason: 'subscription_required',
      offer: 'subscribe',
    });
  });

  it('ignores verifiedCrawler while crawler access is disabled in the configuration', () => {
    for (const level of LEVELS) {
      const reader = ANONYMOUS.fresh as ReaderState;
      expect(decide(level, reader, DEFAULT_PAYWALL_CONFIG, { verifiedCrawler: true })).toEqual(
        decide(level, reader, DEFAULT_PAYWALL_CONFIG),
      );
    }
  });

  it('leaves a subscriber a subscriber', () => {
    const subscriber: ReaderState = {
      kind: 'member',
      memberId: 'm1',
      monthlyReads: [],
      subscription: { status: 'active', currentPeriodEnd: new Date(NOW.getTime() + DAY) },
      complimentary: null,
    };
    expect(decide('paid', subscriber, ON, { verifiedCrawler: true })).toEqual({ granted: true, reason: 'subscriber', countRead: false });
  });
});
