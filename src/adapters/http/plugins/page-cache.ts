import { createHash } from 'node:crypto';
import type { StoryAccessInfo } from '../../../modules/paywall/index.js';

export interface CachedPage {
  body: Buffer;
  etag: string;
  expires: number;
  /**
   * True only for a page that is byte for byte the same for every reader, signed in or not (a
   * listing, a public story). Only such pages may be answered without the route (the front cache)
   * or sent with `public` caching. Everything else in the cache is the route's own business.
   */
  shareable: boolean;
  /**
   * Set on the entry a gated story's URL maps to: what the paywall needs to decide (no body). The
   * story route then looks the page up under the reader's access class (see `accessClassKey`).
   */
  gate?: StoryAccessInfo;
  /** The page keys (src/modules/content/page-keys.ts) of what the page shows: a change to any drops it. */
  tags: readonly string[];
  /**
   * When the page stops being true by time alone (a scheduled publication in its edition, the
   * archive rule taking its story), ms on the cache's clock: shared caches are told to keep it no
   * longer (reply-html.ts `sharedPageHeaders`).
   */
  sharedUntil?: number;
  /**
   * Set when the page must not be served at all past `sharedUntil` (its text will be gated then):
   * shared caches get no stale-while-revalidate. A listing that merely gains a story may go stale.
   */
  neverStale?: boolean;
}

export interface CacheEntryOptions {
  /** Default false: a page is only shareable when the caller says so. */
  shareable?: boolean;
  gate?: StoryAccessInfo;
  tags?: readonly string[];
  /** The cache's `generation` when the page's data was read: if a purge came since, the page is not kept. */
  since?: number;
  /** Keep the page no later than this (ms, the cache's clock): the next scheduled publication in its edition. */
  notAfter?: number;
  /** The page's text is gated from `notAfter` on: no cache may serve it past then, even stale. */
  neverStale?: boolean;
}

/**
 * Rendered pages kept in memory, least recently used first out, bounded by total bytes, each for at
 * most `ttlMs`. Only successful pages go in, and only the caller knows whether a page is the same
 * for everyone (`shareable`) or one access class's version of a gated story (keyed by
 * `accessClassKey`, never shareable).
 *
 * Pages are dropped by key, not left to expire: each carries the keys of what it shows, and
 * `purge(keys)` (called for every committed change, from every process: page-change-feed.ts) drops
 * those that show any of them. A page rendered from data read before a purge is not kept
 * (`generation`), so a change that commits while a page renders cannot leave the old version behind.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private purges = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
  }

  /** While suspended (changes cannot be heard) nothing is kept: `set` only builds the page. */
  private suspended = false;

  /** Forgets every page and keeps none until `resume`. */
  suspend(): void {
    this.suspended = true;
    this.clear();
  }

  resume(): void {
    this.suspended = false;
  }

  /** Read before loading a page's data and passed back to `set` as `since`. */
  get generation(): number {
    return this.purges;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, html: string, options: CacheEntryOptions = {}): CachedPage {
    const expires = Math.min(this.now() + this.ttlMs, options.notAfter ?? Infinity);
    const page = toPage(html, expires, options);
    if (!this.enabled || this.suspended || page.body.length > this.maxBytes / 4) return page;
    if (options.since !== undefined && options.since !== this.purges) return page;
    if (expires <= this.now()) return page;
    this.remove(key);
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
    return page;
  }

  /** Drops every page tagged with one of `keys`. */
  purge(keys: readonly string[]): void {
    this.purges += 1;
    const wanted = new Set(keys);
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => wanted.has(tag))) this.remove(key);
    }
  }

  clear(): void {
    this.purges += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const previous = this.entries.get(key);
    if (!previous) return;
    this.entries.delete(key);
    this.bytes -= previous.body.length;
  }
}

/** A page with its strong validator, whether or not it is cached. */
export function toPage(html: string, expires = 0, options: CacheEntryOptions = {}): CachedPage {
  const body = Buffer.from(html, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return {
    body,
    etag,
    expires,
    shareable: options.shareable === true,
    tags: options.tags ?? [],
    ...(options.gate && { gate: options.gate }),
    ...(options.notAfter !== undefined && { sharedUntil: options.notAfter }),
    ...(options.neverStale === true && { neverStale: true }),
  };
}

/**
 * The cache key of one access class's version of a gated story page: the page's URL key and the
 * class ('full', or 'preview:' and the denial reason, which decides the paywall's message). Such
 * entries are never shareable, and every reader of the cache by URL (the front cache, the routes)
 * answers only shareable entries, so asking for the URL `…/slug|full` finds nothing to send.
 */
export function accessClassKey(urlKey: string, accessClass: string): string {
  return `${urlKey}|${accessClass}`;
}
