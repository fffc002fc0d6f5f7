import { describe, expect, it } from 'vitest';
import type { Block, Paragraph, StoryDocument } from '../content/document/index.js';
import type { AccessDecision } from './access-types.js';
import { gateDocument } from './render-decision.js';

const p = (t: string): Paragraph => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const BREAK: Block = { type: 'paywallBreak' };
const doc = (...content: Block[]): StoryDocument => ({ type: 'doc', content });

const DENIED: AccessDecision = { granted: false, reason: 'subscription_required', offer: 'subscribe' };
const GRANTED: AccessDecision = { granted: true, reason: 'subscriber', countRead: false };

const SECRET_TEXT = ['SECRET-one', 'SECRET-two', 'SECRET-three'];
const story = doc(
  p('Lead paragraph'),
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Preview heading' }] },
  BREAK,
  p(SECRET_TEXT[0]!),
  {
    type: 'bulletList',
    content: [{ type: 'listItem', content: [p(SECRET_TEXT[1]!)] }],
  },
  { type: 'pullQuote', content: [{ type: 'text', text: SECRET_TEXT[2]! }] },
);

describe('gateDocument', () => {
  it('denied: only the blocks before the break', () => {
    const gated = gateDocument(story, DENIED);
    expect(gated).toEqual({ blocks: story.content.slice(0, 2), gated: true });
  });

  it('denied: no text of a withheld block appears anywhere in the result', () => {
    const json = JSON.stringify(gateDocument(story, DENIED));
    for (const secret of SECRET_TEXT) expect(json).not.toContain(secret);
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain('paywallBreak');
  });

  it('denied, for every kind of denial', () => {
    const denials: AccessDecision[] = [
      { granted: false, reason: 'meter_exhausted', offer: 'register' },
      { granted: false, reason: 'registration_required', offer: 'register' },
      { granted: false, reason: 'archive_requires_subscription', offer: 'subscribe' },
      { granted: false, reason: 'invalid_meter', offer: 'register' },
    ];
    for (const d of denials) expect(JSON.stringify(gateDocument(story, d))).not.toContain('SECRET');
  });

  it('denied without a break: the first `fallbackBlocks` blocks', () => {
    const d = doc(p('1'), p('2'), p('3'), p('SECRET-4'), p('SECRET-5'));
    expect(gateDocument(d, DENIED).blocks).toEqual([p('1'), p('2'), p('3')]);
    expect(gateDocument(d, DENIED, 1).blocks).toEqual([p('1')]);
    expect(gateDocument(d, DENIED, 0).blocks).toEqual([]);
  });

  it('denied: never the whole story, even when the cut would withhold nothing', () => {
    expect(gateDocument(doc(p('1'), p('2')), DENIED)).toEqual({ blocks: [p('1')], gated: true });
    expect(gateDocument(doc(p('only')), DENIED)).toEqual({ blocks: [], gated: true });
    expect(gateDocument(doc(p('1'), p('2'), BREAK), DENIED).blocks).toEqual([p('1')]);
    expect(gateDocument(doc(), DENIED)).toEqual({ blocks: [], gated: true });
  });

  it('granted: every block except the break', () => {
    const gated = gateDocument(story, GRANTED);
    expect(gated.gated).toBe(false);
    expect(gated.blocks).toEqual(story.content.filter((b) => b.type !== 'paywallBreak'));
    const json = JSON.stringify(gated);
    for (const secret of SECRET_TEXT) expect(json).toContain(secret);
    expect(json).not.toContain('paywallBreak');
  });

  it('granted via meter, gift or public level is the same full text', () => {
    for (const reason of ['public', 'metered_within_limit', 'metered_reread', 'gift', 'registered', 'complimentary'] as const) {
      expect(gateDocument(story, { granted: true, reason, countRead: false }).blocks).toHaveLength(5);
    }
  });

  it('fails closed on a malformed decision or document', () => {
    const bogus = { granted: 'yes' } as unknown as AccessDecision;
    expect(JSON.stringify(gateDocument(story, bogus))).not.toContain('SECRET');
    expect(gateDocument({ type: 'doc' } as unknown as StoryDocument, GRANTED)).toEqual({ blocks: [], gated: false });
  });

  it('returns fresh arrays and leaves the document untouched', () => {
    const before = JSON.stringify(story);
    const gated = gateDocument(story, DENIED);
    (gated.blocks as Block[]).push(p('x')); // readonly to every caller; the copy is still fresh
    expect(JSON.stringify(story)).toBe(before);
  });
});
