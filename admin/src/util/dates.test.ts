import { describe, expect, it } from 'vitest';
import { dayKey, fromLocalInput, monthGrid, toLocalInput } from './dates';

describe('calendar dates', () => {
  it('covers July 2014 in Monday-first weeks', () => {
    const weeks = monthGrid(2014, 6);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(dayKey(weeks[0]![0]!)).toBe('2014-06-30');
    expect(dayKey(weeks[4]![6]!)).toBe('2014-08-03');
  });

  it('a month starting on Monday starts the grid on its first day', () => {
    expect(dayKey(monthGrid(2014, 8)[0]![0]!)).toBe('2014-09-01');
  });

  it('datetime-local values round-trip in local time', () => {
    const date = new Date(2014, 6, 12, 6, 5);
    expect(toLocalInput(date)).toBe('2014-07-12T06:05');
    expect(fromLocalInput('2014-07-12T06:05')?.getTime()).toBe(date.getTime());
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
