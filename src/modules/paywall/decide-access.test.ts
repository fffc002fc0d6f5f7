import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAYWALL_CONFIG,
  type AccessDecision,
  type AccessLevel,
  type GiftLink,
  type MemberReader,
  type MeterEntry,
  type PaywallConfig,
  type ReaderState,
  type Subscription,
} from './access-types.js';
import { decideAccess } from './decide-access.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);
const daysAhead = (d: number) => new Date(NOW.getTime() + d * DAY);
const STORY = 'story-this';
const others = (n: number, prefix = 'other') => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
const entry = (storyId: string, ageDays: number): MeterEntry => ({ storyId, firstReadAt: daysAgo(ageDays) });

const member = (over: Partial<MemberReader> = {}): MemberReader => ({
  kind: 'member',
  memberId: 'm1',
  monthlyReads: [],
  subscription: null,
  complimentary: null,
  ...over,
});
const subscribed = (status: Subscription['status'], currentPeriodEnd: Date) => member({ subscription: { status, currentPeriodEnd } });

/** Default config: 3 anonymous per rolling 30 days, 10 per month for members, 7 days' past_due grace. */
const READERS: Record<string, ReaderState> = {
  'anon-fresh': { kind: 'anonymous', meter: [] },
  // two recent reads; the two older than 30 days no longer count
  'anon-within': { kind: 'anonymous', meter: [entry('a', 40), entry('b', 31), entry('c', 2), entry('d', 1)] },
  'anon-at-limit': { kind: 'anonymous', meter: [entry('a', 29), entry('b', 5), entry('c', 1)] },
  // at the limit, but this story is one of the three (read 29 days ago)
  'anon-reread': { kind: 'anonymous', meter: [entry(STORY, 29), entry('b', 5), entry('c', 1)] },
  'anon-invalid': { kind: 'anonymous', meter: 'invalid' },
  'member-within': member({ monthlyReads: others(5) }),
  'member-at-limit': member({ monthlyReads: others(10) }),
  'member-reread': member({ monthlyReads: [...others(9), STORY] }),
  'sub-active': subscribed('active', daysAhead(20)),
  'sub-trialing': subscribed('trialing', daysAhead(5)),
  'sub-past-due-grace': subscribed('past_due', daysAgo(3)),
  'sub-past-due-lapsed': subscribed('past_due', daysAgo(8)),
  'sub-canceled-in-period': subscribed('canceled', daysAhead(10)),
  'sub-canceled-ended': subscribed('canceled', daysAgo(1)),
  // unpaid never grants, even inside the period
  'sub-unpaid': subscribed('unpaid', daysAhead(10)),
  'comp-valid': member({ complimentary: { until: daysAhead(30) } }),
  'comp-expired': member({ complimentary: { until: daysAgo(1) } }),
};

/** off: rule off (story 400 days old); young: rule at 365 days, story 10 days old; old: 400 days old. */
const ARCHIVE: Record<string, { config: PaywallConfig; publishedAt: Date }> = {
  off: { config: DEFAULT_PAYWALL_CONFIG, publishedAt: daysAgo(400) },
  young: { config: { ...DEFAULT_PAYWALL_CONFIG, archiveDays: 365 }, publishedAt: daysAgo(10) },
  old: { config: { ...DEFAULT_PAYWALL_CONFIG, archiveDays: 365 }, publishedAt: daysAgo(400) },
};

const GIFTS: Record<string, GiftLink | undefined> = {
  none: undefined,
  this: { storyId: STORY, expiresAt: daysAhead(7), usesRemaining: 3 },
  other: { storyId: 'story-other', expiresAt: daysAhead(7), usesRemaining: 3 },
  expired: { storyId: STORY, expiresAt: new Date(NOW.getTime() - 1000), usesRemaining: 3 },
};

const OUTCOMES: Record<string, AccessDecision> = {
  public: { granted: true, reason: 'public', countRead: false },
  subscriber: { granted: true, reason: 'subscriber', countRead: false },
  comp: { granted: true, reason: 'complimentary', countRead: false },
  registered: { granted: true, reason: 'registered', countRead: false },
  gift: { granted: true, reason: 'gift', countRead: false },
  reread: { granted: true, reason: 'metered_reread', countRead: false },
  'meter+': { granted: true, reason: 'metered_within_limit', countRead: true },
  'exhausted>reg': { granted: false, reason: 'meter_exhausted', offer: 'register' },
  'exhausted>sub': { granted: false, reason: 'meter_exhausted', offer: 'subscribe' },
  'need-reg': { granted: false, reason: 'registration_required', offer: 'register' },
  'need-sub': { granted: false, reason: 'subscription_required', offer: 'subscribe' },
  archive: { granted: false, reason: 'archive_requires_subscription', offer: 'subscribe' },
  invalid: { granted: false, reason: 'invalid_meter', offer: 'register' },
};

const LEVELS: AccessLevel[] = ['public', 'metered', 'registered', 'paid'];

// Written out by hand, one row per reader × archive × gift; one column per access level.
// gift: this = valid link for this story, other = valid link for another story, expired = expired link for this story.
const EXPECTED = `
  reader                 archive gift    | public     metered        registered paid
  anon-fresh             off    none     | public     meter+         need-reg   need-sub
  anon-fresh             off    this     | public     gift           gift       gift
  anon-fresh             off    other    | public     meter+         need-reg   need-sub
  anon-fresh             off    expired  | public     meter+         need-reg   need-sub
  anon-fresh             young  none     | public     meter+         need-reg   need-sub
  anon-fresh             young  this     | public     gift           gift       gift
  anon-fresh             young  other    | public     meter+         need-reg   need-sub
  anon-fresh             young  expired  | public     meter+         need-reg   need-sub
  anon-fresh             old    none     | archive    archive        archive    archive
  anon-fresh             old    this     | gift       gift           gift       gift
  anon-fresh             old    other    | archive    archive        archive    archive
  anon-fresh             old    expired  | archive    archive        archive    archive

  anon-within            off    none     | public     meter+         need-reg   need-sub
  anon-within            off    this     | public     gift           gift       gift
  anon-within            off    other    | public     meter+         need-reg   need-sub
  anon-within            off    expired  | public     meter+         need-reg   need-sub
  anon-within            young  none     | public     meter+         need-reg   need-sub
  anon-within            young  this     | public     gift           gift       gift
  anon-within            young  other    | public     meter+         need-reg   need-sub
  anon-within            young  expired  | public     meter+         need-reg   need-sub
  anon-within            old    none     | archive    archive        archive    archive
  anon-within            old    this     | gift       gift           gift       gift
  anon-within            old    other    | archive    archive        archive    archive
  anon-within            old    expired  | archive    archive        archive    archive

  anon-at-limit          off    none     | public     exhausted>reg  need-reg   need-sub
  anon-at-limit          off    this     | public     gift           gift       gift
  anon-at-limit          off    other    | public     exhausted>reg  need-reg   need-sub
  anon-at-limit          off    expired  | public     exhausted>reg  need-reg   need-sub
  anon-at-limit          young  none     | public     exhausted>reg  need-reg   need-sub
  anon-at-limit          young  this     | public     gift           gift       gift
  anon-at-limit          young  other    | public     exhausted>reg  need-reg   need-sub
  anon-at-limit          young  expired  | public     exhausted>reg  need-reg   need-sub
  anon-at-limit          old    none     | archive    archive        archive    archive
  anon-at-limit          old    this     | gift       gift           gift       gift
  anon-at-limit          old    other    | archive    archive        archive    archive
  anon-at-limit          old    expired  | archive    archive        archive    archive

  anon-reread            off    none     | public     reread         need-reg   need-sub
  anon-reread            off    this     | public     reread         gift       gift
  anon-reread            off    other    | public     reread         need-reg   need-sub
  anon-reread            off    expired  | public     reread         need-reg   need-sub
  anon-reread            young  none     | public     reread         need-reg   need-sub
  anon-reread            young  this     | public     reread         gift       gift
  anon-reread            young  other    | public     reread         need-reg   need-sub
  anon-reread            young  expired  | public     reread         need-reg   need-sub
  anon-reread            old    none     | archive    archive        archive    archive
  anon-reread            old    this     | gift       gift           gift       gift
  anon-reread            old    other    | archive    archive        archive    archive
  anon-reread            old    expired  | archive    archive        archive    archive

  anon-invalid           off    none     | public     invalid        need-reg   need-sub
  anon-invalid           off    this     | public     gift           gift       gift
  anon-invalid           off    other    | public     invalid        need-reg   need-sub
  anon-invalid           off    expired  | public     invalid        need-reg   need-sub
  anon-invalid           young  none     | public     invalid        need-reg   need-sub
  anon-invalid           young  this     | public     gift           gift       gift
  anon-invalid           young  other    | public     invalid        need-reg   need-sub
  anon-invalid           young  expired  | public     invalid        need-reg   need-sub
  anon-invalid           old    none     | archive    archive        archive    archive
  anon-invalid           old    this     | gift       gift           gift       gift
  anon-invalid           old    other    | archive    archive        archive    archive
  anon-invalid           old    expired  | archive    archive        archive    archive

  member-within          off    none     | public     meter+         registered need-sub
  member-within          off    this     | public     gift           registered gift
  member-within          off    other    | public     meter+         registered need-sub
  member-within          off    expired  | public     meter+         registered need-sub
  member-within          young  none     | public     meter+         registered need-sub
  member-within          young  this     | public     gift           registered gift
  member-within          young  other    | public     meter+         registered need-sub
  member-within          young  expired  | public     meter+         registered need-sub
  member-within          old    none     | archive    archive        archive    archive
  member-within          old    this     | gift       gift           gift       gift
  member-within          old    other    | archive    archive        archive    archive
  member-within          old    expired  | archive    archive        archive    archive

  member-at-limit        off    none     | public     exhausted>sub  registered need-sub
  member-at-limit        off    this     | public     gift           registered gift
  member-at-limit        off    other    | public     exhausted>sub  registered need-sub
  member-at-limit        off    expired  | public     exhausted>sub  registered need-sub
  member-at-limit        young  none     | public     exhausted>sub  registered need-sub
  member-at-limit        young  this     | public     gift           registered gift
  member-at-limit        young  other    | public     exhausted>sub  registered need-sub
  member-at-limit        young  expired  | public     exhausted>sub  registered need-sub
  member-at-limit        old    none     | archive    archive        archive    archive
  member-at-limit        old    this     | gift       gift           gift       gift
  member-at-limit        old    other    | archive    archive        archive    archive
  member-at-limit        old    expired  | archive    archive        archive    archive

  member-reread          off    none     | public     reread         registered need-sub
  member-reread          off    this     | public     reread         registered gift
  member-reread          off    other    | public     reread         registered need-sub
  member-reread          off    expired  | public     reread         registered need-sub
  member-reread          young  none     | public     reread         registered need-sub
  member-reread          young  this     | public     reread         registered gift
  member-reread          young  other    | public     reread         registered need-sub
  member-reread          young  expired  | public     reread         registered need-sub
  member-reread          old    none     | archive    archive        archive    archive
  member-reread          old    this     | gift       gift           gift       gift
  member-reread          old    other    | archive    archive        archive    archive
  member-reread          old    expired  | archive    archive        archive    archive

  sub-active             off    none     | subscriber subscriber     subscriber subscriber
  sub-active             off    this     | subscriber subscriber     subscriber subscriber
  sub-active             off    other    | subscriber subscriber     subscriber subscriber
  sub-active             off    expired  | subscriber subscriber     subscriber subscriber
  sub-active             young  none     | subscriber subscriber     subscriber subscriber
  sub-active             young  this     | subscriber subscriber     subscriber subscriber
  sub-active             young  other    | subscriber subscriber     subscriber subscriber
  sub-active             young  expired  | subscriber subscriber     subscriber subscriber
  sub-active             old    none     | subscriber subscriber     subscriber subscriber
  sub-active             old    this     | subscriber subscriber     subscriber subscriber
  sub-active             old    other    | subscriber subscriber     subscriber subscriber
  sub-active             old    expired  | subscriber subscriber     subscriber subscriber

  sub-trialing           off    none     | subscriber subscriber     subscriber subscriber
  sub-trialing           off    this     | subscriber subscriber     subscriber subscriber
  sub-trialing           off    other    | subscriber subscriber     subscriber subscriber
  sub-trialing           off    expired  | subscriber subscriber     subscriber subscriber
  sub-trialing           young  none     | subscriber subscriber     subscriber subscriber
  sub-trialing           young  this     | subscriber subscriber     subscriber subscriber
  sub-trialing           young  other    | subscriber subscriber     subscriber subscriber
  sub-trialing           young  expired  | subscriber subscriber     subscriber subscriber
  sub-trialing           old    none     | subscriber subscriber     subscriber subscriber
  sub-trialing           old    this     | subscriber subscriber     subscriber subscriber
  sub-trialing           old    other    | subscriber subscriber     subscriber subscriber
  sub-trialing           old    expired  | subscriber subscriber     subscriber subscriber

  sub-past-due-grace     off    none     | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     off    this     | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     off    other    | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     off    expired  | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     young  none     | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     young  this     | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     young  other    | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     young  expired  | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     old    none     | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     old    this     | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     old    other    | subscriber subscriber     subscriber subscriber
  sub-past-due-grace     old    expired  | subscriber subscriber     subscriber subscriber

  sub-canceled-in-period off    none     | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period off    this     | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period off    other    | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period off    expired  | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period young  none     | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period young  this     | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period young  other    | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period young  expired  | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period old    none     | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period old    this     | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period old    other    | subscriber subscriber     subscriber subscriber
  sub-canceled-in-period old    expired  | subscriber subscriber     subscriber subscriber

  sub-past-due-lapsed    off    none     | public     meter+         registered need-sub
  sub-past-due-lapsed    off    this     | public     gift           registered gift
  sub-past-due-lapsed    off    other    | public     meter+         registered need-sub
  sub-past-due-lapsed    off    expired  | public     meter+         registered need-sub
  sub-past-due-lapsed    young  none     | public     meter+         registered need-sub
  sub-past-due-lapsed    young  this     | public     gift           registered gift
  sub-past-due-lapsed    young  other    | public     meter+         registered need-sub
  sub-past-due-lapsed    young  expired  | public     meter+         registered need-sub
  sub-past-due-lapsed    old    none     | archive    archive        archive    archive
  sub-past-due-lapsed    old    this     | gift       gift           gift       gift
  sub-past-due-lapsed    old    other    | archive    archive        archive    archive
  sub-past-due-lapsed    old    expired  | archive    archive        archive    archive

  sub-canceled-ended     off    none     | public     meter+         registered need-sub
  sub-canceled-ended     off    this     | public     gift           registered gift
  sub-canceled-ended     off    other    | public     meter+         registered need-sub
  sub-canceled-ended     off    expired  | public     meter+         registered need-sub
  sub-canceled-ended     young  none     | public     meter+         registered need-sub
  sub-canceled-ended     young  this     | public     gift           registered gift
  sub-canceled-ended     young  other    | public     meter+         registered need-sub
  sub-canceled-ended     young  expired  | public     meter+         registered need-sub
  sub-canceled-ended     old    none     | archive    archive        archive    archive
  sub-canceled-ended     old    this     | gift       gift           gift       gift
  sub-canceled-ended     old    other    | archive    archive        archive    archive
  sub-canceled-ended     old    expired  | archive    archive        archive    archive

  sub-unpaid             off    none     | public     meter+         registered need-sub
  sub-unpaid             off    this     | public     gift           registered gift
  sub-unpaid             off    other    | public     meter+         registered need-sub
  sub-unpaid             off    expired  | public     meter+         registered need-sub
  sub-unpaid             young  none     | public     meter+         registered need-sub
  sub-unpaid             young  this     | public     gift           registered gift
  sub-unpaid             young  other    | public     meter+         registered need-sub
  sub-unpaid             young  expired  | public     meter+         registered need-sub
  sub-unpaid             old    none     | archive    archive        archive    archive
  sub-unpaid             old    this     | gift       gift           gift       gift
  sub-unpaid             old    other    | archive    archive        archive    archive
  sub-unpaid             old    expired  | archive    archive        archive    archive

  comp-valid             off    none     | comp       comp           comp       comp
  comp-valid             off    this     | comp       comp           comp       comp
  comp-valid             off    other    | comp       comp           comp       comp
  comp-valid             off    expired  | comp       comp           comp       comp
  comp-valid             young  none     | comp       comp           comp       comp
  comp-valid             young  this     | comp       comp           comp       comp
  comp-valid             young  other    | comp       comp           comp       comp
  comp-valid             young  expired  | comp       comp           comp       comp
  comp-valid             old    none     | comp       comp           comp       comp
  comp-valid             old    this     | comp       comp           comp       comp
  comp-valid             old    other    | comp       comp           comp       comp
  comp-valid             old    expired  | comp       comp           comp       comp

  comp-expired           off    none     | public     meter+         registered need-sub
  comp-expired           off    this     | public     gift           registered gift
  comp-expired           off    other    | public     meter+         registered need-sub
  comp-expired           off    expired  | public     meter+         registered need-sub
  comp-expired           young  none     | public     meter+         registered need-sub
  comp-expired           young  this     | public     gift           registered gift
  comp-expired           young  other    | public     meter+         registered need-sub
  comp-expired           young  expired  | public     meter+         registered need-sub
  comp-expired           old    none     | archive    archive        archive    archive
  comp-expired           old    this     | gift       gift           gift       gift
  comp-expired           old    other    | archive    archive        archive    archive
  comp-expired           old    expired  | archive    archive        archive    archive

`;

interface Row {
  reader: string;
  archive: string;
  gift: string;
  cells: string[];
}

const ROWS: Row[] = EXPECTED.trim()
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [left = '', right = ''] = line.split('|');
    const [reader = '', archive = '', gift = ''] = left.trim().split(/\s+/u);
    return { reader, archive, gift, cells: right.trim().split(/\s+/u) };
  });

describe('decideAccess: the whole matrix', () => {
  it('the expected table covers every reader × archive × gift combination exactly once', () => {
    const keys = ROWS.map((r) => `${r.reader}/${r.archive}/${r.gift}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(Object.keys(READERS).length * Object.keys(ARCHIVE).length * Object.keys(GIFTS).length);
    for (const r of ROWS) {
      expect(READERS[r.reader], r.reader).toBeDefined();
      expect(ARCHIVE[r.archive], r.archive).toBeDefined();
      expect(r.gift in GIFTS, r.gift).toBe(true);
      expect(r.cells).toHaveLength(LEVELS.length);
      for (const c of r.cells) expect(OUTCOMES[c], c).toBeDefined();
    }
  });

  it.each(ROWS)('$reader, archive $archive, gift $gift → $cells', ({ reader, archive, gift, cells }) => {
    const arch = ARCHIVE[archive]!;
    LEVELS.forEach((accessLevel, i) => {
      const decision = decideAccess({
        story: { storyId: STORY, accessLevel, publishedAt: arch.publishedAt },
        reader: READERS[reader]!,
        gift: GIFTS[gift],
        now: NOW,
        config: arch.config,
      });
      expect(decision, `${accessLevel} story`).toEqual(OUTCOMES[cells[i]!]);
    });
  });
});
