import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../shared/clock.js';
import { sendSharedPage, type SharedCachePolicy } from '../site/reply-html.js';
import type { CachedPage, PageCache } from './page-cache.js';

/** When the next story becomes visible in an edition by time alone, if any. */
export interface PublicationSchedule {
  nextPublicationAfter(edition: string, now: Date): Promise<Date | null>;
}

/** What `PageCache.set` needs to keep a page no longer than it is true (see `PageCaching.ticket`). */
export interface CacheTicket {
  since: number;
  notAfter?: number;
}

/**
 * The rules the reader routes follow when they keep a page: what shared caches are told
 * (`sharedCacheControl`) and how long a page may live in this process (`ticket`).
 *
 * Publication times in the future are filtered at read time, so a scheduled story appears on
 * listings when its time comes, with no write to purge anything. A page of an edition is therefore
 * kept no later than the edition's next scheduled publication (one index seek, remembered until
 * that time or the next change), and shared caches are told the same (`sharedUntil`).
 */
export class PageCaching {
  private readonly next = new Map<string, { at: number | null; generation: number }>();

  constructor(
    readonly cache: PageCache,
    /** What shared caches are told about pages that are the same for everyone (reply-html.ts). */
    readonly policy: SharedCachePolicy,
    private readonly schedule: PublicationSchedule | null,
    private readonly clock: Clock,
  ) {}

  /** The cache's clock, in ms. */
  now(): number {
    return this.clock.now().getTime();
  }

  /** Sends a page that is the same for everyone, with its keys and its shared-cache lifetime. */
  sendShared(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
    return sendSharedPage(request, reply, page, this.policy, this.now());
  }

  /** Call before reading a page's data; pass the result to `cache.set`. */
  async ticket(edition: string): Promise<CacheTicket> {
    const since = this.cache.generation;
    if (!this.schedule || !this.cache.enabled) return { since };
    const now = this.clock.now().getTime();
    let known = this.next.get(edition);
    if (!known || known.generation !== since || (known.at !== null && known.at <= now)) {
      const at = await this.schedule.nextPublicationAfter(edition, new Date(now));
      known = { at: at ? at.getTime() : null, generation: since };
      this.next.set(edition, known);
    }
    return known.at === null ? { since } : { since, notAfter: known.at };
  }
}
