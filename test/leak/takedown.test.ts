import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { startCachedServers, within, type CachedServer, type CachedServers } from '../support/cached-servers.js';
import { asStaff } from '../support/staff.js';

const CANARY = 'Takedown canary: the withheld fifth paragraph.';
const PAGES = ['/en/', '/tr/', '/ar/', '/en/sections/economy', '/en/topics/aegean-coast', '/en/authors/selin-arslan'];

/** Requests a page twice, so the second answer comes from the page cache (and the front cache). */
async function warm(server: CachedServer, path: string) {
  await server.get(path);
  return server.get(path);
}

/** What `Cache-Control` allows a browser (max-age) and a shared cache (s-maxage) to keep without asking. */
function lifetimes(cacheControl: string | null) {
  const value = (cacheControl ?? '').toLowerCase();
  const number = (name: string) => {
    const match = new RegExp(`(?:^|[,\\s])${name}=(\\d+)`).exec(value);
    return match ? Number(match[1]) : null;
  };
  return { value, maxAge: number('max-age'), sMaxAge: number('s-maxage'), public: /(^|[,\s])public($|[,\s])/.test(value) };
}

/**
 * Hardening #8, item 4: an unpublish, a takedown or an access raise takes effect at once. The
 * process that answered the admin API serves the new state on the very next request; every other
 * process and server within a second; and no browser or shared cache was allowed to keep the old
 * page beyond what a purge reaches.
 */
describe.each(DIALECTS)('unpublish, access raise and takedown are immediate (%s)', (dialect) => {
  let site: CachedServers;
  let a: CachedServer;
  let b: CachedServer;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => asStaff(a.app, site.admin, method, path, payload);

  /** A public story with five paragraphs, the canary last (a paid reader's preview shows the first three). */
  async function publishStory(title: string): Promise<{ id: string; path: string }> {
    const created = await api('POST', '/stories', {
      locale: 'en',
      title,
      body: paragraphs('First.', 'Second.', 'Third.', 'Fourth.', CANARY),
      sectionId: site.fixture.sectionId,
      topicIds: [site.fixture.topicId],
      authorIds: [site.fixture.authorId],
    });
    expect(created.statusCode).toBe(201);
    const published = await api('POST', `/translations/${created.json().id}/transitions`, { to: 'published' });
    expect(published.statusCode).toBe(200);
    return { id: created.json().id, path: `/en/2014/07/${published.json().slug}` };
  }

  beforeAll(async () => {
    site = await startCachedServers(dialect, 2);
    [a, b] = site.servers as [CachedServer, CachedServer];
  });
  afterAll(async () => {
    await site?.close();
  });

  it('after an unpublish, the answering process serves 404 at once and the other server within 1 s, GET and HEAD', async () => {
    const story = await publishStory('Council minutes leaked');
    for (const server of [a, b]) {
      expect((await warm(server, story.path)).body).toContain(CANARY);
      expect((await warm(server, '/en/')).body).toContain('Council minutes leaked');
    }
    const res = await api('POST', `/translations/${story.id}/transitions`, { to: 'unpublished' });
    expect(res.statusCode).toBe(200);
    const gone = (status: number) => status === 404 || status === 410;
    const page = await a.get(story.path);
    expect(gone(page.status)).toBe(true);
    expect(page.body).not.toContain(CANARY);
    expect(gone((await fetch(a.base + story.path, { method: 'HEAD' })).status)).toBe(true);
    expect((await a.get('/en/')).body).not.toContain('Council minutes leaked');
    expect(await within(1000, async () => gone((await b.get(story.path)).status))).toBe(true);
    expect(await within(1000, async () => !(await b.get('/en/')).body.includes('Council minutes leaked'))).toBe(true);
    expect((await b.get(story.path)).body).not.toContain(CANARY);
  });

  it('after an access raise from public to paid, no process serves the whole story to an anonymous reader', async () => {
    const story = await publishStory('Port authority accounts');
    for (const server of [a, b]) expect((await warm(server, story.path)).body).toContain(CANARY);
    const current = await api('GET', `/translations/${story.id}`);
    const raised = await api('PUT', `/translations/${story.id}`, {
      title: 'Port authority accounts',
      body: paragraphs('First.', 'Second.', 'Third.', 'Fourth.', CANARY),
      accessLevel: 'paid',
      version: current.json().version,
    });
    expect(raised.statusCode).toBe(200);
    const now = await a.get(story.path);
    expect(now.status).toBe(200);
    expect(now.body).not.toContain(CANARY);
    expect(now.body).toContain('Third.');
    expect(lifetimes(now.headers.get('cache-control')).public).toBe(false);
    expect(await within(1000, async () => !(await b.get(story.path)).body.includes(CANARY))).toBe(true);
    const later = await b.get(story.path);
    expect(later.body).toContain('Third.');
    expect(lifetimes(later.headers.get('cache-control')).public).toBe(false);
  });

  it('no page that can change lets a browser keep it, gated pages are never public, and shared caches revalidate within 1 s', async () => {
    const gated = await publishStory('Dock workers vote');
    const current = await api('GET', `/translations/${gated.id}`);
    expect(
      (
        await api('PUT', `/translations/${gated.id}`, {
          title: 'Dock workers vote',
          body: paragraphs('First.', 'Second.', 'Third.', 'Fourth.', CANARY),
          accessLevel: 'paid',
          version: current.json().version,
        })
      ).statusCode,
    ).toBe(200);
    const publicStory = await publishStory('Lighthouse restored');
    for (const path of [...PAGES, publicStory.path, '/en/2014/07/harbour-fish-prices-climb']) {
      for (const res of [await b.get(path), await b.get(path)]) {
        const cache = lifetimes(res.headers.get('cache-control'));
        expect(res.status, path).toBe(200);
        expect(cache.maxAge, `${path}: ${cache.value}`).toBe(0);
        expect(cache.value, path).toContain('must-revalidate');
        // Without a CDN purge URL, a shared cache may keep a page one second at most.
        expect(cache.sMaxAge, `${path}: ${cache.value}`).toBe(1);
        expect(cache.value, path).not.toContain('stale-while-revalidate');
      }
    }
    for (const cookie of [undefined, 'mh_meter=garbage', 'mh_session=unknown']) {
      const res = await b.get(gated.path, cookie ? { cookie } : {});
      const cache = lifetimes(res.headers.get('cache-control'));
      expect(cache.public, `${cookie}: ${cache.value}`).toBe(false);
      expect(cache.value).toMatch(/private/);
      expect(cache.maxAge ?? 0).toBe(0);
      expect(res.headers.get('surrogate-key')).toBeNull();
      expect(res.body).not.toContain(CANARY);
    }
  });
});

/**
 * The archive rule (paywall `archiveDays`) gates a public story by time alone, with no write to
 * purge anything: no cache may keep its free page past that moment.
 */
describe.each(DIALECTS)('a public story archived by time is never served free from a cache (%s)', (dialect) => {
  const ARCHIVE_DAYS = 9;
  let site: CachedServers;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'masthead-archive-'));
    const file = join(dir, 'masthead.json');
    writeFileSync(file, JSON.stringify({ paywall: { archiveDays: ARCHIVE_DAYS } }));
    // A purge URL (never called here) so that shared caches are offered an hour: the cap shows.
    site = await startCachedServers(dialect, 1, { MASTHEAD_CONFIG: file, CDN_PURGE_URL: 'http://127.0.0.1:9/purge' });
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the free page no later than the archive moment, and tells shared caches so', async () => {
    const server = site.servers[0] as CachedServer;
    const api = (method: 'POST', path: string, payload?: object) => asStaff(server.app, site.admin, method, path, payload);
    const created = await api('POST', '/stories', {
      locale: 'en',
      title: 'Tide tables published',
      body: paragraphs('First.', 'Second.', 'Third.', 'Fourth.', CANARY),
    });
    const published = await api('POST', `/translations/${created.json().id}/transitions`, { to: 'published' });
    expect(published.statusCode).toBe(200);
    const path = `/en/2014/07/${published.json().slug}`;
    const archivedAfter = new Date(published.json().publishedAt).getTime() + ARCHIVE_DAYS * 86_400_000;

    site.clock.set(new Date(archivedAfter - 60_000));
    const free = await warm(server, path);
    expect(free.body).toContain(CANARY);
    // No stale-while-revalidate: a shared cache could otherwise serve the free text past the archive moment.
    expect(free.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=60');

    site.clock.set(new Date(archivedAfter + 1000));
    const archived = await server.get(path);
    expect(archived.status).toBe(200);
    expect(archived.body).not.toContain(CANARY);
    expect(lifetimes(archived.headers.get('cache-control')).public).toBe(false);
  });
});
