import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYWALL_CONFIG, type MeterEntry, type ReaderState, type StoryAccessInfo } from './access-types.js';
import { decideAccess, freeReadsLeft } from './decide-access.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const entry = (storyId: string, ageDays: number): MeterEntry => ({ storyId, firstReadAt: new Date(NOW.getTime() - ageDays * DAY) });
const story = (accessLevel: StoryAccessInfo['accessLevel']): StoryAccessInfo => ({
  storyId: 'this',
  accessLevel,
  publishedAt: new Date('2025-03-01T00:00:00Z'),
});
const config = DEFAULT_PAYWALL_CONFIG;
const left = (reader: ReaderState, level: StoryAccessInfo['accessLevel'] = 'metered') =>
  freeReadsLeft(reader, decideAccess({ story: story(level), reader, gift: null, now: NOW, config }), NOW, config);

/** Default config: 3 anonymous per rolling 30 days, 10 per calendar month for members. */
describe('freeReadsLeft: what the story page tells a metered reader', () => {
  it('anonymous: the limit less the stories read in the last 30 days, this one included once counted', () => {
    expect(left({ kind: 'anonymous', meter: [] })).toBe(2);
    expect(left({ kind: 'anonymous', meter: [entry('a', 40), entry('b', 2)] })).toBe(1);
    expect(left({ kind: 'anonymous', meter: [entry('a', 3), entry('b', 2)] })).toBe(0);
    // A re-read is not counted again.
    expect(left({ kind: 'anonymous', meter: [entry('this', 3), entry('b', 2)] })).toBe(1);
  });

  it('a member: the monthly limit less this month’s reads', () => {
    const member = (monthlyReads: string[]): ReaderState => ({
      kind: 'member',
      memberId: 'm',
      monthlyReads,
      subscription: null,
      complimentary: null,
    });
    expect(left(member([]))).toBe(9);
    expect(left(member(['a', 'b', 'this']))).toBe(7);
  });

  it('null where no meter applies: a denial, a tampered meter, a story that is not metered', () => {
    expect(left({ kind: 'anonymous', meter: [entry('a', 3), entry('b', 2), entry('c', 1)] })).toBeNull();
    expect(left({ kind: 'anonymous', meter: 'invalid' })).toBeNull();
    expect(left({ kind: 'anonymous', meter: [] }, 'public')).toBeNull();
    expect(left({ kind: 'anonymous', meter: [] }, 'paid')).toBeNull();
  });
});
