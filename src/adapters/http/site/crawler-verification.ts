import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { CrawlerAccessConfig } from '../../../modules/paywall/index.js';

/**
 * Whether a request comes from a search crawler, the way the search engines document it: the user
 * agent only says which requests are worth checking; the address decides. Its reverse DNS name must
 * end with a configured suffix (`.googlebot.com`, …), and that name's forward lookup must give the
 * same address back, so a PTR record the sender controls proves nothing on its own. Any DNS error
 * is "not verified". Answers are kept per address (LRU, bounded) for `cacheSeconds`.
 *
 * The address is the socket's (`trustProxy` is off): behind a reverse proxy every request has the
 * proxy's address, which no crawler name resolves to, so crawler access then simply never applies.
 */
export interface CrawlerVerifier {
  isVerified(ip: string, userAgent: string | undefined): Promise<boolean>;
}

/** The DNS the verifier needs (a port, so tests give a stand-in; real DNS is `nodeDnsResolver`). */
export interface Resolver {
  /** Host names of a PTR lookup of the address. */
  reverse(ip: string): Promise<string[]>;
  /** Every address (IPv4 and IPv6) a host name resolves to. */
  lookup(hostname: string): Promise<string[]>;
}

/** User agents of the crawlers whose operators publish a reverse-DNS verification. */
const CRAWLER_USER_AGENT = /\b(?:Googlebot|bingbot|Applebot)\b/i;
export const claimsToBeCrawler = (userAgent: string | undefined): boolean => userAgent !== undefined && CRAWLER_USER_AGENT.test(userAgent);

export const CRAWLER_CACHE_MAX_ENTRIES = 10_000;
/** A DNS failure that may be passing (a timeout, a server failure) is retried after at most this long. */
const TRANSIENT_FAILURE_SECONDS = 60;
/** PTR names looked at per address: a real crawler has one. */
const MAX_NAMES = 5;

/** Real DNS queries (not /etc/hosts), each bounded by a timeout so a slow server cannot hold a page long. */
export function nodeDnsResolver(timeoutMs = 2000): Resolver {
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 2 });
  return {
    reverse: (ip) => resolver.reverse(ip),
    async lookup(hostname) {
      const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
      if (v4.status === 'rejected' && v6.status === 'rejected') throw v4.reason;
      return [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
    },
  };
}

interface Entry {
  verified: Promise<boolean>;
  expires: number;
}

export interface CrawlerVerifierOptions {
  config: CrawlerAccessConfig;
  resolver: Resolver;
  /** Milliseconds since the epoch (the cache's clock). */
  now?: () => number;
  maxEntries?: number;
}

export function createCrawlerVerifier(options: CrawlerVerifierOptions): CrawlerVerifier {
  const { config, resolver, now = Date.now, maxEntries = CRAWLER_CACHE_MAX_ENTRIES } = options;
  const suffixes = config.hostSuffixes.map((s) => s.toLowerCase());
  const cache = new Map<string, Entry>();

  const nameMatches = (name: string) => suffixes.some((suffix) => name.length > suffix.length && name.endsWith(suffix));

  /** The answer for one address, and for how long it holds. */
  async function verify(ip: string): Promise<{ verified: boolean; seconds: number }> {
    try {
      const names = (await resolver.reverse(ip)).map(normalizeName).filter(nameMatches).slice(0, MAX_NAMES);
      for (const name of names) {
        const addresses = await resolver.lookup(name);
        if (addresses.some((a) => normalizeIp(a) === ip)) return { verified: true, seconds: config.cacheSeconds };
      }
      return { verified: false, seconds: config.cacheSeconds };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const definite = code === 'ENOTFOUND' || code === 'ENODATA';
      return { verified: false, seconds: definite ? config.cacheSeconds : Math.min(config.cacheSeconds, TRANSIENT_FAILURE_SECONDS) };
    }
  }

  return {
    async isVerified(rawIp, userAgent) {
      if (!config.enabled || !claimsToBeCrawler(userAgent)) return false;
      const ip = normalizeIp(rawIp);
      if (isIP(ip) === 0) return false;
      const at = now();
      const cached = cache.get(ip);
      if (cached && cached.expires > at) {
        cache.delete(ip);
        cache.set(ip, cached);
        return cached.verified;
      }
      if (cached) cache.delete(ip);
      // The promise is cached at once, so concurrent requests from one address share one lookup.
      const entry: Entry = { verified: Promise.resolve(false), expires: at + config.cacheSeconds * 1000 };
      entry.verified = verify(ip).then(({ verified, seconds }) => {
        entry.expires = Math.min(entry.expires, now() + seconds * 1000);
        return verified;
      });
      cache.set(ip, entry);
      for (const oldest of cache.keys()) {
        if (cache.size <= maxEntries) break;
        cache.delete(oldest);
      }
      return entry.verified;
    },
  };
}

/** `::ffff:66.249.66.1` (an IPv4 client on a dual-stack socket) is 66.249.66.1; IPv6 compared lower-case. */
function normalizeIp(ip: string): string {
  const lower = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped ? (mapped[1] as string) : lower;
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
