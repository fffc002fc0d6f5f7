import { describe, expect, it } from 'vitest';
import type { Block, Paragraph, StoryDocument } from './document-schema.js';
import { splitAtPaywall } from './paywall-split.js';

const p = (t: string): Paragraph => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const PAYWALL: Block = { type: 'paywallBreak' };
const doc = (...content: Block[]): StoryDocument => ({ type: 'doc', content });

describe('splitAtPaywall', () => {
  it('cuts at the explicit break and leaves the break out of both parts', () => {
    const split = splitAtPaywall(doc(p('1'), p('2'), PAYWALL, p('3'), p('4'), p('5')));
    expect(split).toEqual({ preview: [p('1'), p('2')], withheld: [p('3'), p('4'), p('5')], hasExplicitBreak: true });
  });

  it('prefers the explicit break over the fallback count', () => {
    const split = splitAtPaywall(doc(p('1'), p('2'), p('3'), p('4'), PAYWALL, p('5')), 1);
    expect(split.preview).toEqual([p('1'), p('2'), p('3'), p('4')]);
    expect(split.withheld).toEqual([p('5')]);
  });

  it('allows a break before any content', () => {
    expect(splitAtPaywall(doc(PAYWALL, p('1')))).toEqual({ preview: [], withheld: [p('1')], hasExplicitBreak: true });
  });

  it('falls back to the first three top-level blocks without a break', () => {
    const list: Block = {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p('a')] },
        { type: 'listItem', content: [p('b')] },
      ],
    };
    const split = splitAtPaywall(doc(p('1'), list, p('2'), p('3'), p('4')));
    expect(split).toEqual({ preview: [p('1'), list, p('2')], withheld: [p('3'), p('4')], hasExplicitBreak: false });
  });

  it('honours a custom fallback count', () => {
    expect(splitAtPaywall(doc(p('1'), p('2'), p('3')), 1).preview).toEqual([p('1')]);
    expect(splitAtPaywall(doc(p('1'), p('2')), 0)).toEqual({ preview: [], withheld: [p('1'), p('2')], hasExplicitBreak: false });
  });

  it('withholds nothing from a story shorter than the fallback', () => {
    expect(splitAtPaywall(doc(p('1'), p('2')))).toEqual({ preview: [p('1'), p('2')], withheld: [], hasExplicitBreak: false });
  });

  it('does not modify the document', () => {
    const d = doc(p('1'), PAYWALL, p('2'));
    splitAtPaywall(d);
    expect(d.content).toHaveLength(3);
  });
});
