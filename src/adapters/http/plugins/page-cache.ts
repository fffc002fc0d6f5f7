import { createHash } from 'node:crypto';

export interface CachedPage {
  body: Buffer;
  etag: string;
  expires: number;
}

/**
 * Rendered pages kept in memory, least recently used first out, bounded by total bytes, each for at
 * most `ttlMs`. Only anonymous, successful, public pages go in (the caller decides). A short TTL is
 * what keeps several instances coherent without a shared cache: an edit shows everywhere within it.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
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

  set(key: string, html: string): CachedPage {
    const page = toPage(html, this.now() + this.ttlMs);
    if (!this.enabled || page.body.length > this.maxBytes / 4) return page;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.body.length;
    }
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
    return page;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A page with its strong validator, whether or not it is cached. */
export function toPage(html: string, expires = 0): CachedPage {
  const body = Buffer.from(html, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, etag, expires };
}
