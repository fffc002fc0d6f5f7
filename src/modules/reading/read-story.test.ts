import { describe, expect, it, vi } from 'vitest';
import type { StoryPage } from '../content/index.js';
import type { Edition } from '../editions/index.js';
import {
  DEFAULT_PAYWALL_CONFIG,
  decodeMeterCookie,
  type AccessLevel,
  type ResolvedReader,
  type StoryAccessInfo,
} from '../paywall/index.js';
import { createReadStory, type Reader, type StoryRequest } from './read-story.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const SECRET = 'a meter secret of at least thirty-two characters';
const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

function storyPage(accessLevel: AccessLevel): StoryPage {
  const story = {
    storyId: 's1',
    accessLevel,
    publishedAt: new Date('2026-02-01T00:00:00Z'),
    body: { type: 'doc', content: [p('lead'), { type: 'paywallBreak' }, p('WITHHELD')] },
    authors: [],
    topics: [],
  };
  return { story, moreFromAuthor: [], related: [] } as unknown as StoryPage;
}

function setUp(accessLevel: AccessLevel, resolved: ResolvedReader = { reader: { kind: 'anonymous', meter: [] }, memberId: null }) {
  const resolveReader = vi.fn(async () => resolved);
  const recordMemberRead = vi.fn(async () => undefined);
  const story = vi.fn(async () => ({ kind: 'found' as const, value: storyPage(accessLevel) }));
  const readStory = createReadStory({
    stories: { story },
    paywall: { config: DEFAULT_PAYWALL_CONFIG, clock: { now: () => NOW }, resolveReader, recordMemberRead, meterSecrets: [SECRET] },
  });
  return { readStory, resolveReader, recordMemberRead, story };
}

const reader: Reader = { cookies: undefined, identified: false, isVerifiedCrawler: async () => false };
const request = (cached: StoryRequest<string>['cached'] = null): StoryRequest<string> => ({
  edition: { locale: 'en' } as Edition,
  year: '2026',
  month: '02',
  slug: 'a-story',
  counts: true,
  cached,
});

describe('readStory', () => {
  it('a public story: shared, the whole body, no reader resolved, nothing counted', async () => {
    const { readStory, resolveReader } = setUp('public');
    const reading = await readStory(reader, request());
    expect(reading.kind).toBe('page');
    if (reading.kind !== 'page') return;
    expect(reading.cache.scope).toBe('shared');
    expect(reading.page.story.body.blocks).toEqual([p('lead'), p('WITHHELD')]);
    expect(reading.page.paywalled).toBe(false);
    expect(resolveReader).not.toHaveBeenCalled();
    expect(reading.meter).toEqual({ kind: 'none' });
  });

  it('a paid story for an anonymous reader: the preview only, one reader decision, a private page kept per access class', async () => {
    const { readStory, resolveReader } = setUp('paid');
    const reading = await readStory(reader, request());
    if (reading.kind !== 'page') throw new Error(reading.kind);
    expect(JSON.stringify(reading.page)).not.toContain('WITHHELD');
    expect(reading.offer).toEqual({ denial: { granted: false, reason: 'subscription_required', offer: 'subscribe' }, signedIn: false });
    expect(reading.cache).toMatchObject({ scope: 'private', variant: { accessClass: 'preview:subscription_required' } });
    expect(resolveReader).toHaveBeenCalledTimes(1);
  });

  it('a cached gate whose page is missing: the reader is decided for once, not again after the load', async () => {
    const { readStory, resolveReader, story } = setUp('metered');
    const gate: StoryAccessInfo = { storyId: 's1', accessLevel: 'metered', publishedAt: new Date('2026-02-01T00:00:00Z') };
    const reading = await readStory(reader, request({ gate, variant: () => undefined }));
    expect(reading.kind).toBe('page');
    expect(story).toHaveBeenCalledTimes(1);
    expect(resolveReader).toHaveBeenCalledTimes(1);
    if (reading.kind !== 'page') return;
    expect(reading.meter.kind).toBe('meter_cookie');
    if (reading.meter.kind !== 'meter_cookie') return;
    expect(decodeMeterCookie(reading.meter.value, [SECRET], NOW)).toEqual([{ storyId: 's1', firstReadAt: NOW }]);
  });

  it('a cached gate and page: answered from the cache without loading the story, the read still counted', async () => {
    const { readStory, story } = setUp('metered');
    const gate: StoryAccessInfo = { storyId: 's1', accessLevel: 'metered', publishedAt: new Date('2026-02-01T00:00:00Z') };
    const reading = await readStory(
      reader,
      request({ gate, variant: (accessClass) => (accessClass === 'full:left-2' ? '<cached page>' : undefined) }),
    );
    expect(reading).toMatchObject({ kind: 'cached', page: '<cached page>', cache: { scope: 'private' }, meter: { kind: 'meter_cookie' } });
    expect(story).not.toHaveBeenCalled();
  });

  it('a member: their own page, never stored, the read recorded in their monthly meter; a HEAD counts nothing', async () => {
    const member: ResolvedReader = {
      reader: { kind: 'member', memberId: 'm1', monthlyReads: [], subscription: null, complimentary: null },
      memberId: 'm1',
    };
    const { readStory, recordMemberRead } = setUp('metered', member);
    const reading = await readStory({ ...reader, identified: true }, request());
    expect(reading).toMatchObject({ kind: 'page', cache: { scope: 'no-store' }, meter: { kind: 'member_read_recorded' } });
    expect(recordMemberRead).toHaveBeenCalledWith('m1', 's1', NOW);
    const head = await readStory({ ...reader, identified: true }, { ...request(), counts: false });
    expect(head).toMatchObject({ meter: { kind: 'none' } });
    expect(recordMemberRead).toHaveBeenCalledTimes(1);
  });
});
