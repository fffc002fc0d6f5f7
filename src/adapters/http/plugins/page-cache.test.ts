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

  it('while suspended (changes cannot be heard) forgets every page and keeps none, until resumed', () => {
    const cache = new PageCache(1_000_000, 3_600_000);
    cache.set('/en/', 'old home');
    cache.suspend();
    expect(cache.get('/en/')).toBeUndefined();
    expect(cache.set('/en/', 'home').body.toString()).toBe('home');
    expect(cache.get('/en/')).toBeUndefined();
    cache.resume();
    cache.set('/en/', 'home');
    expect(cache.get('/en/')?.body.toString()).toBe('home');
  });

  it('drops exactly the pages tagged with a purged key, whatever their URL', () => {
    const cache = new PageCache(1_000_000, 3_600_000);
    cache.set('/en/', 'home', { tags: ['site', 'home-en', 'story-a', 'story-b'] });
    cache.set('/en/2014/07/a', 'a', { tags: ['site', 'story-a'] });
    cache.set('/en/2014/07/a|full', 'a full', { tags: ['site', 'story-a'] });
    cache.set('/en/2014/07/b', 'b', { tags: ['site', 'story-b'] });
    cache.set('/tr/', 'tr home', { tags: ['site', 'home-tr'] });
    cache.purge(['story-a']);
    expect(cache.get('/en/')).toBeUndefined();
    expect(cache.get('/en/2014/07/a')).toBeUndefined();
    expect(cache.get('/en/2014/07/a|full')).toBeUndefined();
    expect(cache.get('/en/2014/07/b')?.body.toString()).toBe('b');
    expect(cache.get('/tr/')?.body.toString()).toBe('tr home');
    cache.purge(['site']);
    expect(cache.size).toBe(0);
  });

  it('does not keep a page whose data was read before a purge that came while it rendered', () => {
    const cache = new PageCache(1_000_000, 3_600_000);
    const since = cache.generation;
    cache.purge(['story-a']);
    cache.set('/en/', 'rendered from before the change', { tags: ['story-a'], since });
    expect(cache.get('/en/')).toBeUndefined();
    cache.set('/en/', 'rendered after', { tags: ['story-a'], since: cache.generation });
    expect(cache.get('/en/')?.body.toString()).toBe('rendered after');
  });

  it('keeps a page no later than its notAfter time (the next scheduled publication)', () => {
    let now = 1_000;
    const cache = new PageCache(1_000_000, 3_600_000, () => now);
    cache.set('/en/', 'before the embargo', { notAfter: 6_000 });
    now = 5_999;
    expect(cache.get('/en/')).toBeDefined();
    now = 6_000;
    expect(cache.get('/en/')).toBeUndefined();
    cache.set('/en/', 'too late', { notAfter: 6_000 });
    expect(cache.get('/en/')).toBeUndefined();
  });
});
