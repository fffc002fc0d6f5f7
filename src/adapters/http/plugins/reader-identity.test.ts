import { describe, expect, it } from 'vitest';
import { PageCache, accessClassKey, toPage } from './page-cache.js';
import { carriesReaderIdentity } from './reader-identity.js';

describe('carriesReaderIdentity', () => {
  it('the meter cookie alone is no identity; any other of our cookies, or credentials, is', () => {
    expect(carriesReaderIdentity({})).toBe(false);
    expect(carriesReaderIdentity({ cookie: 'mh_meter=v1.x.y' })).toBe(false);
    expect(carriesReaderIdentity({ cookie: '_ga=1; mh_meter=v1.x.y; theme=dark' })).toBe(false);
    expect(carriesReaderIdentity({ cookie: 'mh_meter=v1.x.y; mh_member=abc' })).toBe(true);
    expect(carriesReaderIdentity({ cookie: 'mh_meterx=1' })).toBe(true);
    expect(carriesReaderIdentity({ cookie: 'mh_gift=abc' })).toBe(true);
    expect(carriesReaderIdentity({ authorization: 'Bearer x' })).toBe(true);
  });
});

describe('shareable pages', () => {
  it('a page is shareable only when the caller says so', () => {
    const cache = new PageCache(1024 * 1024, 60_000);
    expect(cache.set('/en/', 'listing', { shareable: true }).shareable).toBe(true);
    expect(cache.set('/en/2014/07/x', 'whatever').shareable).toBe(false);
    expect(toPage('error').shareable).toBe(false);
    const gate = { storyId: 's1', accessLevel: 'paid' as const, publishedAt: null };
    const descriptor = cache.set('/en/2014/07/paid', '', { gate });
    expect(descriptor).toMatchObject({ shareable: false, gate });
    expect(cache.set(accessClassKey('/en/2014/07/paid', 'full'), 'full text').shareable).toBe(false);
    expect(cache.get('/en/2014/07/paid|full')?.shareable).toBe(false);
  });
});
