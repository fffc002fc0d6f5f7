import { describe, expect, it } from 'vitest';
import { diffText, hasChanges } from './text-diff.js';

describe('word diff', () => {
  it('marks the words that changed and keeps the rest', () => {
    const parts = diffText('The mayor resigned on Monday.', 'The mayor resigned on Tuesday night.');
    expect(parts).toEqual([
      { op: 'equal', text: 'The mayor resigned on ' },
      { op: 'delete', text: 'Monday.' },
      { op: 'insert', text: 'Tuesday night.' },
    ]);
    expect(hasChanges(parts)).toBe(true);
  });

  it('reports no change for equal texts and rebuilds both sides exactly', () => {
    expect(hasChanges(diffText('same words', 'same words'))).toBe(false);
    const before = 'Fishers in Gökçeliman met on Friday to discuss quotas.';
    const after = 'Fishers met again on Friday to discuss the new quotas.';
    const parts = diffText(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
