import type { FastifyInstance } from 'fastify';
import { createHttpApp, openServices, type Services } from '../../src/app/container.js';
import { seedDemo } from '../../src/modules/content/demo/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import { testMembers } from '../leak/members.js';
import { createTestDatabase, type DialectName, type TestDatabase } from '../support/databases.js';
import { testSiteConfig } from '../support/test-site.js';

export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * A reader site over the generated demo newsroom (every access level, six sections, 34 topics,
 * eight authors) of a chosen size, page cache off (every request is a miss), that records the
 * statements each request runs.
 */
export interface ScaleSite {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  /** The statements run while `fn` ran. */
  record(fn: () => Promise<unknown>): Promise<RecordedQuery[]>;
  /** Canonical URLs of pages of every kind, the same kinds at any archive size. */
  urls: Record<string, string>;
  /** The Cookie header of a signed-in subscriber. */
  subscriberCookie: string;
  close(): Promise<void>;
}

export const NOW = new Date('2026-06-01T12:00:00.000Z');

export async function startScaleSite(dialect: DialectName, stories: number): Promise<ScaleSite> {
  const database = await createTestDatabase(dialect);
  let recording: RecordedQuery[] | null = null;
  const clock = fixedClock(NOW);
  const services = await openServices(testSiteConfig(database), clock, {
    onQuery: (q) => recording?.push({ sql: q.sql, parameters: [...q.parameters] }),
  });
  const images = {
    make: async (spec: { key: string; width: number; height: number }) => ({
      path: `/media/${spec.key}.webp`,
      width: spec.width,
      height: spec.height,
      mime: 'image/webp',
    }),
  };
  await seedDemo({ content: services.contentWrite, images, editions: services.editions.list, clock }, { stories });
  const app = createHttpApp(services);
  await app.ready();
  const db = services.database.db;
  const nowIso = NOW.toISOString();
  const storyUrl = async (edition: string, accessLevel: string) => {
    const row = await db
      .selectFrom('edition_entries as e')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .innerJoin('story_translations as t', 't.id', 'e.translation_id')
      .select(['t.slug', 'e.published_at'])
      .where('e.edition', '=', edition)
      .where('s.access_level', '=', accessLevel)
      .where('e.published_at', '<=', nowIso)
      .orderBy('e.published_at', 'desc')
      .executeTakeFirstOrThrow();
    const d = new Date(row.published_at);
    return `/${edition}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${encodeURIComponent(row.slug)}`;
  };
  const section = await db
    .selectFrom('section_translations')
    .select('slug')
    .where('locale', '=', 'en')
    .orderBy('slug')
    .executeTakeFirstOrThrow();
  const topic = await db
    .selectFrom('topic_translations')
    .select('slug')
    .where('locale', '=', 'en')
    .orderBy('slug')
    .executeTakeFirstOrThrow();
  const author = await db.selectFrom('authors').select('slug').orderBy('slug').executeTakeFirstOrThrow();
  const urls = {
    'story (public)': await storyUrl('en', 'public'),
    'story (metered)': await storyUrl('en', 'metered'),
    'story (registered)': await storyUrl('en', 'registered'),
    'story (paid)': await storyUrl('en', 'paid'),
    'story (Turkish edition)': await storyUrl('tr', 'public'),
    home: '/en/',
    'home page 2': '/en/?page=2',
    section: `/en/sections/${encodeURIComponent(section.slug)}`,
    topic: `/en/topics/${encodeURIComponent(topic.slug)}`,
    author: `/en/authors/${encodeURIComponent(author.slug)}`,
    '404': '/en/2020/01/no-such-story',
  };
  const { cookie } = await testMembers(services).signIn('subscriber@example.org', {
    subscription: { status: 'active', paidThrough: new Date(NOW.getTime() + 20 * 86_400_000) },
  });
  return {
    app,
    services,
    database,
    urls,
    subscriberCookie: cookie,
    async record(fn) {
      recording = [];
      try {
        await fn();
        return recording;
      } finally {
        recording = null;
      }
    },
    async close() {
      await app.close();
      await services.close();
      await database.drop();
    },
  };
}
