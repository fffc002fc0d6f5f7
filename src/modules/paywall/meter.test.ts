import { describe, expect, it } from 'vitest';
import { METER_MAX_ENTRIES, type MeterEntry } from './access-types.js';
import { activeMeterEntries, recordRead } from './meter.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('recordRead', () => {
  it('adds a new story with the time of the read', () => {
    expect(recordRead([], 'a', NOW)).toEqual([{ storyId: 'a', firstReadAt: NOW }]);
  });

  it('keeps the first read date of a story already in the meter', () => {
    const meter = [{ storyId: 'a', firstReadAt: at(-5 * DAY) }];
    expect(recordRead(meter, 'a', NOW)).toEqual(meter);
  });

  it('drops expired entries and does not modify its input', () => {
    const meter: readonly MeterEntry[] = Object.freeze([
      { storyId: 'a', firstReadAt: at(-31 * DAY) },
      { storyId: 'b', firstReadAt: at(-DAY) },
    ]);
    expect(recordRead(meter, 'a', NOW)).toEqual([meter[1], { storyId: 'a', firstReadAt: NOW }]);
    expect(meter).toHaveLength(2);
  });

  it(`keeps at most ${METER_MAX_ENTRIES} entries, dropping the oldest`, () => {
    const full = Array.from({ length: METER_MAX_ENTRIES }, (_, i) => ({ storyId: `s${i}`, firstReadAt: at(-DAY + i) }));
    const next = recordRead(full, 'new', NOW);
    expect(next).toHaveLength(METER_MAX_ENTRIES);
    expect(next[0]?.storyId).toBe('s1');
    expect(next.at(-1)?.storyId).toBe('new');
  });
});

describe('activeMeterEntries', () => {
  it('keeps reads younger than 30 days, future-dated ones and unreadable dates', () => {
    const entries = [
      { storyId: 'expired', firstReadAt: at(-30 * DAY) },
      { storyId: 'young', firstReadAt: at(-30 * DAY + 1) },
      { storyId: 'future', firstReadAt: at(DAY) },
      { storyId: 'nan', firstReadAt: new Date(Number.NaN) },
    ];
    expect(activeMeterEntries(entries, NOW).map((e) => e.storyId)).toEqual(['young', 'future', 'nan']);
  });
});
