import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

describe('page cache', () => {
  it('serves a page until its time is up, then forgets it', () => {
    let now = 1_000;
    const cache = new PageCache(1_000_000, 10_000, () => now);
    const stored = cache.set('/en/', '<p>front page</p>');
    expect(cache.get('/en/')?.etag).toBe(stored.etag);
    now += 9_999;
    expect(cache.get('/en/')?.body.toString()).toBe('<p>front page</p>');
    now += 1;
    expect(cache.get('/en/')).toBeUndefined();
  });

  it('stays within its byte budget by dropping the least recently used page', () => {
    const cache = new PageCache(200, 60_000);
    const page = (c: string) => c.repeat(45);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, page(key));
    cache.get('a'); // a is now the most recently used
    cache.set('e', page('e'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('e')).toBeDefined();
    expect(cache.size).toBe(4);
  });

  it('gives the same page the same ETag and a changed page a new one', () => {
    const cache = new PageCache(1_000_000, 60_000);
    const one = cache.set('x', 'version one').etag;
    expect(cache.set('y', 'version one').etag).toBe(one);
    expect(cache.set('x', 'version two').etag).not.toBe(one);
  });

  it('caches nothing when its TTL is zero', () => {
    const cache = new PageCache(1_000_000, 0);
    cache.set('/en/', 'page');
    expect(cache.get('/en/')).toBeUndefined();
  });
});
