import { describe, expect, it } from 'vitest';
import type { Block, StoryDocument } from '../content/document/index.js';
import { DEFAULT_PAYWALL_CONFIG, type AccessLevel, type PaywallConfig, type StoryAccessInfo } from './access-types.js';
import { decideAccess } from './decide-access.js';
import { isFreeForEveryone } from './entitlements.js';
import { gateDocument, openToEveryone } from './render-decision.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const LEVELS: AccessLevel[] = ['public', 'registered', 'metered', 'paid', 'unknown' as AccessLevel];
const CONFIGS: Record<string, PaywallConfig> = {
  'archive off': DEFAULT_PAYWALL_CONFIG,
  'archive 30 days': { ...DEFAULT_PAYWALL_CONFIG, archiveDays: 30 },
};
const PUBLISHED: Record<string, Date | null> = {
  unpublished: null,
  'a day ago': new Date(NOW.getTime() - DAY),
  '30 days ago': new Date(NOW.getTime() - 30 * DAY),
  'a year ago': new Date(NOW.getTime() - 365 * DAY),
  'an invalid date': new Date(Number.NaN),
};

describe('isFreeForEveryone', () => {
  for (const [configName, config] of Object.entries(CONFIGS)) {
    for (const [when, publishedAt] of Object.entries(PUBLISHED)) {
      for (const accessLevel of LEVELS) {
        it(`${accessLevel}, published ${when}, ${configName}: agrees with the decision for a reader with nothing`, () => {
          const story: StoryAccessInfo = { storyId: 's', accessLevel, publishedAt };
          const nobody = decideAccess({ story, reader: { kind: 'anonymous', meter: [] }, now: NOW, config });
          expect(isFreeForEveryone(story, NOW, config)).toBe(nobody.granted && nobody.reason === 'public');
        });
      }
    }
  }
});

describe('openToEveryone', () => {
  const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const doc: StoryDocument = { type: 'doc', content: [p('one'), { type: 'paywallBreak' }, p('two')] };
  const story = (accessLevel: AccessLevel): StoryAccessInfo => ({ storyId: 's', accessLevel, publishedAt: NOW });

  it('a free story: every block but the break, the same cut as a grant', () => {
    const open = openToEveryone(doc, story('public'), NOW, DEFAULT_PAYWALL_CONFIG);
    expect(open?.blocks).toEqual([p('one'), p('two')]);
    expect(open?.gated).toBe(false);
    expect(JSON.stringify(open)).toBe(JSON.stringify(gateDocument(doc, { granted: true, reason: 'public', countRead: false })));
  });

  it('any other story: nothing, the reader must be decided for', () => {
    for (const level of LEVELS.slice(1)) expect(openToEveryone(doc, story(level), NOW, DEFAULT_PAYWALL_CONFIG)).toBeNull();
  });
});
