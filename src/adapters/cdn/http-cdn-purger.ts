/** Keys per purge request: Cloudflare accepts up to 30 tags per call on every plan. */
const KEYS_PER_REQUEST = 30;

export interface CdnPurgerOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>`; never logged nor put in an error message. */
  token: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Tells a CDN to drop every cached page tagged with some keys: `POST <CDN_PURGE_URL>` with
 * `{"tags": [...]}` (Cloudflare's purge-by-tag body) and the same keys in a `Surrogate-Key` header
 * (Fastly's and Varnish's convention), 30 keys per request. Any answer but 2xx, or no answer,
 * throws, so the `cdn.purge` job is retried with the queue's backoff.
 */
export class HttpCdnPurger {
  constructor(private readonly options: CdnPurgerOptions) {}

  async purge(keys: readonly string[]): Promise<void> {
    const send = this.options.fetch ?? fetch;
    for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) {
      const chunk = keys.slice(i, i + KEYS_PER_REQUEST);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'surrogate-key': chunk.join(' ') };
      if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
      let status: number;
      try {
        const response = await send(this.options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ tags: chunk }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        throw new Error(`CDN purge request failed: ${(error as Error).message}`);
      }
      if (status < 200 || status > 299) throw new Error(`CDN purge answered HTTP ${status}`);
    }
  }
}
