import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import type { NewStory } from '../../src/modules/content/content-repository.js';
import { EMBARGO, paragraphs, T0 } from '../support/fixtures.js';
import { startCachedServers, within, type CachedServer, type CachedServers } from '../support/cached-servers.js';
import { asStaff } from '../support/staff.js';

const STORY = '/en/2014/07/harbour-fish-prices-climb';
const LISTINGS = ['/en/', '/en/sections/economy', '/en/topics/aegean-coast', '/en/authors/selin-arslan'];

/** Requests a page twice, so the second answer comes from the cache. */
async function warm(server: CachedServer, path: string) {
  await server.get(path);
  return server.get(path);
}

describe.each(DIALECTS)('pages are invalidated by key in every server sharing the database (%s)', (dialect) => {
  let site: CachedServers;
  let a: CachedServer;
  let b: CachedServer;
  /** The story the first test publishes (later tests move it). */
  let ferryId = '';
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => asStaff(a.app, site.admin, method, path, payload);
  const version = async (id: string) => (await api('GET', `/translations/${id}`)).json().version as number;

  beforeAll(async () => {
    site = await startCachedServers(dialect, 2);
    [a, b] = site.servers as [CachedServer, CachedServer];
  });
  afterAll(async () => {
    await site?.close();
  });

  it('a publish on one server shows on the other within 1 s: the story, the home, its section, topic and author pages', async () => {
    const { fixture } = site;
    const created = await api('POST', '/stories', {
      locale: 'en',
      title: 'Ferry timetable changes',
      dek: 'Winter service',
      body: paragraphs('The winter timetable starts on Monday.'),
      sectionId: fixture.sectionId,
      topicIds: [fixture.topicId],
      authorIds: [fixture.authorId],
    });
    expect(created.statusCode).toBe(201);
    ferryId = created.json().id;
    for (const path of LISTINGS) expect((await warm(b, path)).body).not.toContain('Ferry timetable changes');
    expect((await b.get('/en/2014/07/ferry-timetable-changes')).status).toBe(404);

    const published = await api('POST', `/translations/${created.json().id}/transitions`, { to: 'published' });
    expect(published.statusCode).toBe(200);
    // The server that answered the write already serves the new pages.
    expect((await a.get('/en/')).body).toContain('Ferry timetable changes');
    for (const path of LISTINGS) {
      expect(await within(1000, async () => (await b.get(path)).body.includes('Ferry timetable changes')), path).toBe(true);
    }
    expect(await within(1000, async () => (await b.get('/en/2014/07/ferry-timetable-changes')).status === 200)).toBe(true);
  });

  it('an unpublish: the server that answered serves 404 at once, the other within 1 s, and the listings drop it', async () => {
    const id = site.fixture.untranslated.en;
    const path = '/en/2014/07/olive-harvest-starts-early';
    for (const server of [a, b]) {
      expect((await warm(server, path)).status).toBe(200);
      expect((await warm(server, '/en/')).body).toContain('Olive harvest starts early');
    }
    const res = await api('POST', `/translations/${id}/transitions`, { to: 'unpublished' });
    expect(res.statusCode).toBe(200);
    expect((await a.get(path)).status).toBe(404);
    expect((await a.get('/en/')).body).not.toContain('Olive harvest starts early');
    expect(await within(1000, async () => (await b.get(path)).status === 404)).toBe(true);
    // The Arabic edition lists it as an English fallback: its page there goes too.
    expect(await within(1000, async () => (await b.get('/ar/2014/07/olive-harvest-starts-early')).status === 404)).toBe(true);
    for (const listing of LISTINGS) {
      expect(await within(1000, async () => !(await b.get(listing)).body.includes('Olive harvest starts early')), listing).toBe(true);
    }
  });

  it('a correction, a headline and slug change, and a new translation show on the other server within 1 s', async () => {
    const { fixture } = site;
    expect((await warm(b, STORY)).status).toBe(200);
    expect((await warm(b, '/tr/')).status).toBe(200);

    const corrected = await api('POST', `/translations/${fixture.translated.en}/corrections`, {
      kind: 'correction',
      text: 'An earlier version misstated the price.',
    });
    expect(corrected.statusCode).toBe(201);
    expect(await within(1000, async () => (await b.get(STORY)).body.includes('An earlier version misstated the price.'))).toBe(true);

    const saved = await api('PUT', `/translations/${fixture.translated.en}`, {
      title: 'Harbour fish prices climb again',
      slug: 'harbour-fish-prices-climb-again',
      body: paragraphs('Prices at the harbour rose again.'),
      version: await version(fixture.translated.en),
    });
    expect(saved.statusCode).toBe(200);
    expect(await within(1000, async () => (await b.get(STORY)).status === 301)).toBe(true);
    expect((await b.get(STORY)).headers.get('location')).toBe('/en/2014/07/harbour-fish-prices-climb-again');
    expect(await within(1000, async () => (await b.get('/en/')).body.includes('Harbour fish prices climb again'))).toBe(true);

    // The Arabic story has no Turkish version: the Turkish home lists none until one is published.
    const started = await api('POST', `/stories/${fixture.arabic.storyId}/translations`, { locale: 'tr' });
    expect(started.statusCode).toBe(201);
    const tr = started.json();
    const written = await api('PUT', `/translations/${tr.id}`, {
      title: 'Şehirde yeni pazar açıldı',
      body: paragraphs('Pazar bu sabah açıldı.'),
      version: tr.version,
    });
    expect(written.statusCode).toBe(200);
    expect((await b.get('/tr/')).body).not.toContain('Şehirde yeni pazar açıldı');
    expect((await api('POST', `/translations/${tr.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    expect(await within(1000, async () => (await b.get('/tr/')).body.includes('Şehirde yeni pazar açıldı'))).toBe(true);
  });

  it('a story moved to another topic, section and byline leaves the old listings and joins the new ones within 1 s', async () => {
    const topic = await api('POST', '/topics', { kind: 'theme', names: [{ locale: 'en', name: 'Shipping' }] });
    expect(topic.statusCode).toBe(201);
    const shipping = `/en/topics/${topic.json().names[0].slug}`;
    expect((await warm(b, shipping)).body).not.toContain('Ferry timetable changes');
    for (const path of LISTINGS.slice(1)) expect((await warm(b, path)).body).toContain('Ferry timetable changes');
    const id = ferryId;
    const moved = await api('PUT', `/translations/${id}`, {
      title: 'Ferry timetable changes',
      body: paragraphs('The winter timetable starts on Monday.'),
      topicIds: [topic.json().id],
      sectionId: null,
      authorIds: [],
      version: await version(id),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await within(1000, async () => (await b.get(shipping)).body.includes('Ferry timetable changes'))).toBe(true);
    for (const path of LISTINGS.slice(1)) {
      expect(await within(1000, async () => !(await b.get(path)).body.includes('Ferry timetable changes')), path).toBe(true);
    }
  });

  it('a scheduled story appears on cached listings of every server when its time comes, with no write', async () => {
    // Ten seconds before the embargo, well within the hour the cache keeps pages.
    site.clock.set(new Date(EMBARGO.getTime() - 10_000));
    for (const server of [a, b]) expect((await warm(server, '/en/')).body).not.toContain('Embargoed budget figures');
    site.clock.set(new Date(EMBARGO.getTime() + 1000));
    try {
      for (const server of [a, b]) expect((await server.get('/en/')).body).toContain('Embargoed budget figures');
    } finally {
      site.clock.set(new Date('2014-07-10T12:00:00.000Z'));
    }
  });

  it('a section added on one server shows in the navigation of the other within 1 s, not after its section cache expires', async () => {
    for (const server of [a, b]) expect((await warm(server, '/en/')).body).not.toContain('Harbour Desk');
    await a.services.contentWrite.createSection([{ locale: 'en', name: 'Harbour Desk', slug: 'harbour-desk' }], 9, new Date());
    // b's pages go with the `site` key; its in-memory sections must go with them, or it re-renders the old navigation.
    expect(await within(1000, async () => (await b.get('/en/')).body.includes('Harbour Desk'))).toBe(true);
    expect(await within(1000, async () => (await b.get('/en/sections/harbour-desk')).status === 200)).toBe(true);
  });

  it('tells browsers to revalidate and shared caches the keys of what the page shows', async () => {
    const home = await warm(b, '/en/');
    expect(home.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=1');
    const keys = (home.headers.get('surrogate-key') ?? '').split(' ');
    expect(keys).toEqual(expect.arrayContaining(['site', 'home-en', `story-${site.fixture.translated.storyId}`]));
    expect(home.headers.get('cache-tag')).toBe(keys.join(','));
    const story = await warm(b, '/en/2014/07/harbour-fish-prices-climb-again');
    expect(story.headers.get('surrogate-key')).toContain(`author-${site.fixture.authorId}`);
    const revalidated = await b.get('/en/', { 'if-none-match': home.headers.get('etag') as string });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('rebuilding the related stories drops the cached story pages that showed the old ones', async () => {
    const { contentWrite, editions } = a.services;
    const now = site.clock.now();
    const topicId = await contentWrite.createTopic('theme', [{ locale: 'en', name: 'Mussel farming', slug: 'mussel-farming' }], now);
    const story = (title: string, slug: string, hoursBefore: number): NewStory => ({
      sectionId: null,
      leadImageId: null,
      authorIds: [],
      topicIds: [topicId],
      translations: [
        {
          locale: 'en',
          title,
          dek: '',
          body: paragraphs(title),
          slug,
          status: 'published',
          publishedAt: new Date(T0.getTime() - hoursBefore * 3_600_000),
          isOriginal: true,
          translatedFrom: null,
          provenance: 'original',
          provenanceCredit: null,
          readingMinutes: 1,
        },
      ],
    });
    await contentWrite.createStories([story('Mussel farms expand', 'mussel-farms-expand', 1)], editions.list, now);
    const path = '/en/2014/07/mussel-farms-expand';
    expect((await warm(b, '/en/')).body).not.toContain('Mussel prices settle');
    // A bulk load leaves the related stories for one rebuild at the end (as the demo seeder does).
    await contentWrite.createStories([story('Mussel prices settle', 'mussel-prices-settle', 2)], editions.list, now, { related: false });
    // Once server b has applied that write (its home lists the new story), the first story's page
    // is cached again, still without it: its related stories are not computed yet.
    expect(await within(1000, async () => (await b.get('/en/')).body.includes('Mussel prices settle'))).toBe(true);
    expect((await warm(b, path)).body).not.toContain('Mussel prices settle');
    await contentWrite.rebuildRelated();
    expect(await within(1000, async () => (await b.get(path)).body.includes('Mussel prices settle'))).toBe(true);
  });
});
