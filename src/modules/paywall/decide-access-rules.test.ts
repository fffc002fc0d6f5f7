import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAYWALL_CONFIG,
  parsePaywallConfig,
  type AccessInput,
  type AccessLevel,
  type AnonymousMeter,
  type MemberReader,
  type MeterEntry,
  type PaywallConfig,
} from './access-types.js';
import { decideAccess } from './decide-access.js';
import { meterMonthStart, recordRead } from './meter.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const member = (over: Partial<MemberReader> = {}): MemberReader => ({
  kind: 'member',
  memberId: 'm1',
  monthlyReads: [],
  subscription: null,
  complimentary: null,
  ...over,
});
const anon = (meter: AnonymousMeter) => ({ kind: 'anonymous' as const, meter });

function decide(over: Partial<AccessInput> & { level?: AccessLevel; publishedAt?: Date | null; storyId?: string }) {
  const { level = 'paid', publishedAt = at(-DAY), storyId = 's', ...rest } = over;
  return decideAccess({
    story: { storyId, accessLevel: level, publishedAt },
    reader: anon([]),
    now: NOW,
    config: DEFAULT_PAYWALL_CONFIG,
    ...rest,
  });
}

describe('decideAccess: boundaries', () => {
  const grace = DEFAULT_PAYWALL_CONFIG.pastDueGraceDays * DAY;

  it('past_due keeps access until the grace period after the paid period ends, not a millisecond longer', () => {
    const reader = (end: Date) => member({ subscription: { status: 'past_due', currentPeriodEnd: end } });
    expect(decide({ reader: reader(at(-grace + 1)) }).granted).toBe(true);
    expect(decide({ reader: reader(at(-grace)) })).toEqual({ granted: false, reason: 'subscription_required', offer: 'subscribe' });
    const noGrace = { ...DEFAULT_PAYWALL_CONFIG, pastDueGraceDays: 0 };
    expect(decide({ reader: reader(at(1)), config: noGrace }).granted).toBe(true);
    expect(decide({ reader: reader(NOW), config: noGrace }).granted).toBe(false);
  });

  it('canceled keeps access until the paid period ends (exclusive)', () => {
    const reader = (end: Date) => member({ subscription: { status: 'canceled', currentPeriodEnd: end } });
    expect(decide({ reader: reader(at(1)) }).reason).toBe('subscriber');
    expect(decide({ reader: reader(NOW) }).granted).toBe(false);
  });

  it('active and trialing trust the provider status even when the period end is stale (webhook lag)', () => {
    for (const status of ['active', 'trialing'] as const) {
      expect(decide({ reader: member({ subscription: { status, currentPeriodEnd: at(-2 * DAY) } }) }).reason).toBe('subscriber');
    }
  });

  it('an invalid period end never grants a past_due or canceled subscription', () => {
    for (const status of ['past_due', 'canceled'] as const) {
      expect(decide({ reader: member({ subscription: { status, currentPeriodEnd: new Date(Number.NaN) } }) }).granted).toBe(false);
    }
  });

  it('complimentary access ends at `until`; `until: null` is open-ended', () => {
    expect(decide({ reader: member({ complimentary: { until: at(1) } }) }).reason).toBe('complimentary');
    expect(decide({ reader: member({ complimentary: { until: NOW } }) }).granted).toBe(false);
    expect(decide({ reader: member({ complimentary: { until: null } }) }).reason).toBe('complimentary');
  });

  it('a gift link expires at `expiresAt` and is exhausted with no uses left', () => {
    const gift = { storyId: 's', expiresAt: at(1), usesRemaining: 1 };
    expect(decide({ gift }).reason).toBe('gift');
    expect(decide({ gift: { ...gift, expiresAt: NOW } }).granted).toBe(false);
    expect(decide({ gift: { ...gift, usesRemaining: 0 } }).granted).toBe(false);
    expect(decide({ gift: { ...gift, usesRemaining: -1 } }).granted).toBe(false);
  });

  it('archive: a story exactly archiveDays old is not archived, one millisecond older is', () => {
    const config = { ...DEFAULT_PAYWALL_CONFIG, archiveDays: 30 };
    expect(decide({ level: 'public', config, publishedAt: at(-30 * DAY) }).reason).toBe('public');
    expect(decide({ level: 'public', config, publishedAt: at(-30 * DAY - 1) }).reason).toBe('archive_requires_subscription');
  });

  it('archive: an unpublished story is never archived; an unreadable date is treated as archived', () => {
    const config = { ...DEFAULT_PAYWALL_CONFIG, archiveDays: 30 };
    expect(decide({ level: 'public', config, publishedAt: null }).reason).toBe('public');
    expect(decide({ level: 'public', config, publishedAt: new Date('nonsense') }).reason).toBe('archive_requires_subscription');
  });

  it('the rolling window: a read exactly 30 days ago no longer counts', () => {
    const meter = (age: number): MeterEntry[] => [
      { storyId: 'a', firstReadAt: at(-age) },
      { storyId: 'b', firstReadAt: at(-DAY) },
      { storyId: 'c', firstReadAt: at(-DAY) },
    ];
    expect(decide({ level: 'metered', reader: anon(meter(30 * DAY - 1)) }).reason).toBe('meter_exhausted');
    expect(decide({ level: 'metered', reader: anon(meter(30 * DAY)) }).reason).toBe('metered_within_limit');
  });

  it('a read dated in the future (clock skew) still counts', () => {
    const meter = ['a', 'b', 'c'].map((storyId) => ({ storyId, firstReadAt: at(5 * DAY) }));
    expect(decide({ level: 'metered', reader: anon(meter) }).reason).toBe('meter_exhausted');
  });
});

describe('decideAccess: combinations', () => {
  it('a member with a lapsed subscription but a valid complimentary grant has access', () => {
    const reader = member({
      subscription: { status: 'unpaid', currentPeriodEnd: at(DAY) },
      complimentary: { until: at(DAY) },
    });
    expect(decide({ reader })).toEqual({ granted: true, reason: 'complimentary', countRead: false });
  });

  it('a paying member with a complimentary grant is reported as a subscriber', () => {
    const reader = member({ subscription: { status: 'active', currentPeriodEnd: at(DAY) }, complimentary: { until: null } });
    expect(decide({ reader }).reason).toBe('subscriber');
  });

  it('a gift link is not used when the story is open anyway', () => {
    const gift = { storyId: 's', expiresAt: at(DAY), usesRemaining: 1 };
    expect(decide({ level: 'public', gift }).reason).toBe('public');
    expect(decide({ level: 'registered', reader: member(), gift }).reason).toBe('registered');
    expect(decide({ level: 'paid', reader: member({ complimentary: { until: null } }), gift }).reason).toBe('complimentary');
  });

  it('a gift link opens a metered story without using the meter', () => {
    const gift = { storyId: 's', expiresAt: at(DAY), usesRemaining: 1 };
    expect(decide({ level: 'metered', gift })).toEqual({ granted: true, reason: 'gift', countRead: false });
  });

  it('the same story read twice in the meter counts once', () => {
    const meter: MeterEntry[] = [
      { storyId: 'a', firstReadAt: at(-DAY) },
      { storyId: 'a', firstReadAt: at(-2 * DAY) },
      { storyId: 'b', firstReadAt: at(-DAY) },
    ];
    expect(decide({ level: 'metered', reader: anon(meter) }).reason).toBe('metered_within_limit');
    expect(
      decide({ level: 'metered', reader: member({ monthlyReads: ['a', 'a', 'a'] }), config: cfg({ registeredMeterLimit: 2 }) }).reason,
    ).toBe('metered_within_limit');
  });

  it('an invalid meter only matters for metered stories', () => {
    const reader = anon('invalid');
    expect(decide({ level: 'public', reader }).reason).toBe('public');
    expect(decide({ level: 'registered', reader }).reason).toBe('registration_required');
    expect(decide({ level: 'paid', reader }).reason).toBe('subscription_required');
    expect(decide({ level: 'metered', reader })).toEqual({ granted: false, reason: 'invalid_meter', offer: 'register' });
  });

  it('a member is never metered by the anonymous cookie', () => {
    expect(decide({ level: 'metered', reader: member() }).reason).toBe('metered_within_limit');
  });
});

function cfg(over: Partial<PaywallConfig>): PaywallConfig {
  return { ...DEFAULT_PAYWALL_CONFIG, ...over };
}

describe('decideAccess: configuration', () => {
  it('an anonymous limit of 0 meters nothing for anonymous readers', () => {
    expect(decide({ level: 'metered', config: cfg({ anonymousMeterLimit: 0 }) })).toEqual({
      granted: false,
      reason: 'meter_exhausted',
      offer: 'register',
    });
  });

  it('offers a subscription, not registration, when members get no metered stories either', () => {
    const config = cfg({ anonymousMeterLimit: 0, registeredMeterLimit: 0 });
    expect(decide({ level: 'metered', config })).toEqual({ granted: false, reason: 'meter_exhausted', offer: 'subscribe' });
    expect(decide({ level: 'metered', config, reader: member() })).toEqual({
      granted: false,
      reason: 'meter_exhausted',
      offer: 'subscribe',
    });
  });

  it('parsePaywallConfig fills the documented defaults and names a bad key', () => {
    expect(parsePaywallConfig({})).toEqual({
      anonymousMeterLimit: 3,
      registeredMeterLimit: 10,
      archiveDays: null,
      pastDueGraceDays: 7,
      crawlerAccess: {
        enabled: false,
        hostSuffixes: ['.googlebot.com', '.google.com', '.search.msn.com', '.applebot.apple.com'],
        cacheSeconds: 86_400,
      },
    });
    expect(parsePaywallConfig(undefined)).toEqual(DEFAULT_PAYWALL_CONFIG);
    expect(parsePaywallConfig({ archiveDays: 365 }).archiveDays).toBe(365);
    expect(() => parsePaywallConfig({ anonymousMeterLimit: -1 })).toThrow(/anonymousMeterLimit/);
    expect(() => parsePaywallConfig({ anonymousMeterLimit: 31 })).toThrow(/anonymousMeterLimit/);
    expect(() => parsePaywallConfig({ archiveDays: 0 })).toThrow(/archiveDays/);
    expect(() => parsePaywallConfig({ meterLimit: 3 })).toThrow(/meterLimit/);
    expect(() => parsePaywallConfig({ crawlerAccess: { enabled: 'yes' } })).toThrow(/enabled/);
    expect(() => parsePaywallConfig({ crawlerAccess: { hostSuffixes: ['googlebot.com'] } })).toThrow(/starting with a dot/);
    expect(() => parsePaywallConfig({ crawlerAccess: { cacheSeconds: -1 } })).toThrow(/cacheSeconds/);
  });
});

describe('decideAccess: hygiene', () => {
  it('throws on an invalid "now" rather than deciding on it', () => {
    expect(() => decide({ now: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('treats an unknown access level (bad data) as paid', () => {
    expect(decide({ level: 'premium' as AccessLevel, reader: member() }).reason).toBe('subscription_required');
  });

  it('does not modify its input', () => {
    const meter = Object.freeze([Object.freeze({ storyId: 'a', firstReadAt: at(-40 * DAY) })]);
    const input: AccessInput = {
      story: Object.freeze({ storyId: 's', accessLevel: 'metered' as const, publishedAt: at(-DAY) }),
      reader: Object.freeze(anon(meter)),
      now: NOW,
      config: DEFAULT_PAYWALL_CONFIG,
    };
    expect(decideAccess(input).reason).toBe('metered_within_limit');
    expect(meter).toHaveLength(1);
  });
});

describe('anonymous metering, end to end (pure)', () => {
  it('three stories, then denied; re-reads stay free; a story drops out after 30 days', () => {
    let meter: MeterEntry[] = [];
    const read = (storyId: string, now: Date) => {
      const decision = decideAccess({
        story: { storyId, accessLevel: 'metered', publishedAt: at(-DAY) },
        reader: anon(meter),
        now,
        config: DEFAULT_PAYWALL_CONFIG,
      });
      if (decision.granted && decision.countRead) meter = recordRead(meter, storyId, now);
      return decision.reason;
    };
    expect(read('a', NOW)).toBe('metered_within_limit');
    expect(read('a', at(1000))).toBe('metered_reread');
    expect(read('b', at(DAY))).toBe('metered_within_limit');
    expect(read('c', at(2 * DAY))).toBe('metered_within_limit');
    expect(read('d', at(3 * DAY))).toBe('meter_exhausted');
    expect(read('b', at(3 * DAY))).toBe('metered_reread');
    expect(meter.map((e) => e.storyId)).toEqual(['a', 'b', 'c']);
    // 30 days after "a" was first read, one slot frees up
    expect(read('d', at(30 * DAY))).toBe('metered_within_limit');
    expect(meter.map((e) => e.storyId)).toEqual(['b', 'c', 'd']);
  });

  it('meterMonthStart is the first instant of the UTC calendar month', () => {
    expect(meterMonthStart(new Date('2025-03-15T12:00:00Z')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(meterMonthStart(new Date('2025-01-01T00:00:00Z')).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(meterMonthStart(new Date('2024-12-31T23:59:59.999Z')).toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });
});
