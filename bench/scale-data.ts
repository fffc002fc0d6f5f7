/**
 * The scale benchmark's datasets: a seeded demo archive per database and size (reused when a
 * previous run left one of the same size: data, not a warmed cache; every server starts cold), and
 * the URL lists and the subscriber the scenarios use.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { configFromEnv, openServices } from '../src/app/container.js';
import { hashToken } from '../src/modules/newsroom/staff/index.js';
import { runCommand, tail } from './processes.js';

export type DbKind = 'sqlite' | 'postgres';

export interface Dataset {
  db: DbKind;
  stories: number;
  databaseUrl: string;
  dataDir: string;
  /** Seconds seed-demo took, when this run seeded it. */
  seedSeconds: number | null;
}

export interface UrlLists {
  hot: string;
  storiesFile: string;
  paidFile: string;
  mixFile: string;
  subscriberCookie: string;
  distinctStories: number;
}

const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(work: string, db: DbKind, stories: number): string {
  if (db === 'sqlite') return join(work, `sqlite-${stories}`, 'bench.db');
  const url = new URL(PG_ADMIN);
  url.pathname = `/masthead_bench_${stories}`;
  return url.toString();
}

async function storyCount(url: string, dataDir: string): Promise<number> {
  const services = await openServices(configFromEnv({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), undefined, {
    migrate: true,
  });
  try {
    return await services.contentWrite.countStories();
  } finally {
    await services.close();
  }
}

async function dropPostgres(url: string) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

/** A seeded archive of `stories` stories on `db`, seeding it (through the CLI, timed) unless one is there. */
export async function dataset(work: string, bin: string, db: DbKind, stories: number, log: (m: string) => void): Promise<Dataset> {
  const url = databaseUrl(work, db, stories);
  const dataDir = join(work, `${db}-${stories}`, 'data');
  mkdirSync(dataDir, { recursive: true });
  if ((await storyCount(url, dataDir)) === stories) {
    log(`${db} ${stories}: reusing the seeded archive`);
    return { db, stories, databaseUrl: url, dataDir, seedSeconds: null };
  }
  if (db === 'postgres') await dropPostgres(url);
  else await runCommand('rm', ['-f', url, `${url}-wal`, `${url}-shm`], { timeoutMs: 10_000 });
  log(`${db} ${stories}: seeding`);
  const started = performance.now();
  const result = await runCommand(process.execPath, [bin, 'seed-demo', '--stories', String(stories)], {
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir },
    timeoutMs: 60 * 60_000,
  });
  if (result.code !== 0) throw new Error(`seed-demo failed:\n${tail(result.stdout + result.stderr)}`);
  const seedSeconds = (performance.now() - started) / 1000;
  log(`${db} ${stories}: seeded in ${seedSeconds.toFixed(1)} s`);
  return { db, stories, databaseUrl: url, dataDir, seedSeconds };
}

const pathOf = (edition: string, slug: string, publishedAt: string) => {
  const d = new Date(publishedAt);
  return `/${edition}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${encodeURIComponent(slug)}`;
};

/**
 * Every published story URL of every edition (the crawler's list), the paid ones (the
 * subscriber's), a mix of homes, listings (with later pages), stories and 404s, the newest free
 * story (the hot page), and a signed-in subscriber's cookie.
 */
export async function urlLists(set: Dataset, dir: string): Promise<UrlLists> {
  mkdirSync(dir, { recursive: true });
  const services = await openServices(
    configFromEnv({ DATABASE_URL: set.databaseUrl, DATA_DIR: set.dataDir, LOG_LEVEL: 'silent' }),
    undefined,
    { migrate: false },
  );
  try {
    const db = services.database.db;
    const now = new Date().toISOString();
    const rows = await db
      .selectFrom('edition_entries as e')
      .innerJoin('story_translations as t', 't.id', 'e.translation_id')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['e.edition', 't.slug', 'e.published_at', 's.access_level'])
      .where('e.published_at', '<=', now)
      .orderBy('e.published_at', 'desc')
      .execute();
    const stories = rows.map((r) => pathOf(r.edition, r.slug, r.published_at));
    const paid = rows.filter((r) => r.access_level === 'paid').map((r) => pathOf(r.edition, r.slug, r.published_at));
    const hotRow = rows.find((r) => r.edition === 'en' && r.access_level === 'public');
    if (!hotRow) throw new Error('no free story in the English edition');
    const editions = services.editions.list.map((e) => e.locale);
    const [sections, topics, authors] = await Promise.all([
      db.selectFrom('section_translations').select(['locale', 'slug']).execute(),
      db.selectFrom('topic_translations').select(['locale', 'slug']).execute(),
      db.selectFrom('authors').select('slug').execute(),
    ]);
    const listings: string[] = [];
    for (const edition of editions) {
      for (let page = 1; page <= 50; page++) listings.push(page === 1 ? `/${edition}/` : `/${edition}/?page=${page}`);
      for (const s of sections)
        for (const page of [1, 2, 10, 50])
          listings.push(`/${edition}/sections/${encodeURIComponent(s.slug)}${page > 1 ? `?page=${page}` : ''}`);
      for (const t of topics)
        for (const page of [1, 3]) listings.push(`/${edition}/topics/${encodeURIComponent(t.slug)}${page > 1 ? `?page=${page}` : ''}`);
      for (const a of authors) for (const page of [1, 5]) listings.push(`/${edition}/authors/${a.slug}${page > 1 ? `?page=${page}` : ''}`);
    }
    const missing = Array.from({ length: 200 }, (_, i) => `/en/2001/01/no-such-story-${i}`);
    // The mix: about half stories, a third listings, the rest 404s.
    const mix = [...stories.slice(0, 2 * listings.length), ...listings, ...missing, ...missing];
    const write = (name: string, list: string[]) => {
      const file = join(dir, name);
      writeFileSync(file, list.join('\n'));
      return file;
    };
    const stores = services.stores.members;
    const at = new Date();
    const member = await stores.members.findOrCreate('bench-subscriber@example.org', 'en', at);
    const secret = randomBytes(32).toString('base64url');
    await stores.sessions.create(
      {
        memberId: member.id,
        tokenHash: hashToken(secret),
        csrfToken: randomBytes(16).toString('hex'),
        expiresAt: new Date(at.getTime() + 7 * 86_400_000),
      },
      at,
    );
    const iso = at.toISOString();
    await db
      .insertInto('subscriptions')
      .values({
        id: randomUUID(),
        member_id: member.id,
        provider: 'stripe',
        provider_subscription_id: `sub_bench_${randomUUID().slice(0, 12)}`,
        customer_id: `cus_bench_${randomUUID().slice(0, 12)}`,
        status: 'active',
        price_id: 'price_bench',
        plan_id: 'supporter',
        current_period_end: new Date(at.getTime() + 30 * 86_400_000).toISOString(),
        paid_through: new Date(at.getTime() + 30 * 86_400_000).toISOString(),
        cancel_at_period_end: 0,
        cancel_at: null,
        provider_updated_at: iso,
        last_event_id: `evt_bench_${randomUUID().slice(0, 12)}`,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    return {
      hot: pathOf('en', hotRow.slug, hotRow.published_at),
      storiesFile: write('stories.txt', stories),
      paidFile: write('paid.txt', paid),
      mixFile: write('mix.txt', mix),
      subscriberCookie: `mh_member=${secret}`,
      distinctStories: stories.length,
    };
  } finally {
    await services.close();
  }
}
