import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { within } from '../support/cached-servers.js';
import { DIALECTS } from '../support/databases.js';
import { startTestSite, type TestSite } from '../support/test-site.js';
import { editTranslation } from '../support/newsroom-edits.js';

const STORY = '/en/2014/07/harbour-fish-prices-climb';
const comparable = (headers: Headers) => {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!['date', 'x-request-id', 'connection', 'keep-alive'].includes(name)) out[name] = value;
  });
  return out;
};

describe.each(DIALECTS)('page cache in front of the framework (%s)', (dialect) => {
  let site: TestSite;
  let base: string;
  beforeAll(async () => {
    site = await startTestSite(dialect, { PAGE_CACHE_SECONDS: '3600' });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await site?.close();
  });

  it('answers a repeated page with the same bytes and headers as the first, rendered answer', async () => {
    const first = await fetch(base + STORY);
    const firstBody = await first.text();
    const second = await fetch(base + STORY);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstBody);
    expect(comparable(second.headers)).toEqual(comparable(first.headers));
    expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const revalidated = await fetch(base + STORY, { headers: { 'if-none-match': first.headers.get('etag') as string } });
    expect(revalidated.status).toBe(304);
  });

  it('drops a cached page as soon as a story it shows changes (by key, not by expiry)', async () => {
    const before = await (await fetch(`${base}/en/`)).text();
    expect(before).toContain('Harbour fish prices climb');
    expect(await (await fetch(`${base}/en/`)).text()).toBe(before);
    await editTranslation(site.services, site.fixture.translated.en, { title: 'Harbour fish prices climb again' });
    // The change is committed: every process drops the pages showing the story within a second
    // (docs/adr/0004-page-invalidation.md), without waiting for the cache time (an hour here).
    expect(await within(1000, async () => (await (await fetch(`${base}/en/`)).text()).includes('Harbour fish prices climb again'))).toBe(
      true,
    );
    // Someone else's cookie changes nothing; one of ours (a member's session) is never answered from the cache.
    const cached = await (await fetch(`${base}/en/`)).text();
    expect(await (await fetch(`${base}/en/`, { headers: { cookie: 'analytics=1' } })).text()).toBe(cached);
    const fresh = await (await fetch(`${base}/en/`, { headers: { cookie: 'analytics=1; mh_session=abc' } })).text();
    expect(fresh).toContain('Harbour fish prices climb again');
  });

  it('does not cache URLs with other query strings, and never caches errors', async () => {
    const tagged = await fetch(`${base}/en/?utm_source=newsletter`);
    expect(tagged.status).toBe(200);
    const missing = await fetch(`${base}/en/2014/07/not-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
