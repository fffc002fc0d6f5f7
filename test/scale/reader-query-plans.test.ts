import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startScaleSite, type RecordedQuery, type ScaleSite } from './reader-site.js';

/**
 * Issue #7: no reader request scans a table. Every statement the reader pages run (each page kind,
 * each access class, a signed-in subscriber) is explained on the database it ran on; the test fails
 * on a full scan of any table. SQLite: a `SCAN` of a table (a scan of a subquery it built itself is
 * fine), or an index range (`published_at<?`) in a statement without a LIMIT to bound it. PostgreSQL: with sequential scans disabled, a `Seq Scan` that remains means no index could
 * serve the query (on tables this small the planner would otherwise scan anything).
 */
interface Scan {
  sql: string;
  plan: string;
}

function sqliteScans(file: string, queries: readonly RecordedQuery[]): Scan[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return queries.flatMap((q) => {
      const rows = db.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
      const subqueries = new Set(rows.flatMap((r) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(r.detail)?.[1] ?? []));
      const limited = /\blimit\b/i.test(q.sql);
      const scans = rows.filter((r) => {
        const scanned = /^SCAN (\S+)/.exec(r.detail)?.[1];
        if (scanned !== undefined) return scanned !== 'CONSTANT' && !subqueries.has(scanned);
        // A range of an index (published before now…) is only bounded when the statement stops
        // after a number of rows; without a LIMIT it may walk the whole edition.
        const range = /^SEARCH \S+ USING (?:COVERING )?INDEX \S+ \((.*)\)/.exec(r.detail)?.[1];
        return range !== undefined && /[<>]/.test(range) && !limited;
      });
      return scans.length > 0 ? [{ sql: q.sql, plan: rows.map((r) => r.detail).join('\n') }] : [];
    });
  } finally {
    db.close();
  }
}

interface PgPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PgPlanNode[];
}

const seqScans = (node: PgPlanNode): string[] => [
  ...(node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []),
  ...(node.Plans ?? []).flatMap(seqScans),
];

async function postgresScans(url: string, queries: readonly RecordedQuery[]): Promise<Scan[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set enable_seqscan = off');
    const scans: Scan[] = [];
    for (const q of queries) {
      const result = await client.query(`explain (format json) ${q.sql}`, q.parameters as unknown[]);
      const plan = (result.rows[0] as { 'QUERY PLAN': { Plan: PgPlanNode }[] })['QUERY PLAN'][0]?.Plan;
      const tables = plan ? seqScans(plan) : [];
      if (tables.length > 0) scans.push({ sql: q.sql, plan: `Seq Scan on ${tables.join(', ')}` });
    }
    return scans;
  } finally {
    await client.end();
  }
}

describe.each(DIALECTS)('reader query plans (%s)', (dialect) => {
  let site: ScaleSite;
  let queries: RecordedQuery[];
  beforeAll(async () => {
    site = await startScaleSite(dialect, 120);
    const requests = [
      ...Object.values(site.urls).map((url) => ({ url, headers: {} })),
      { url: site.urls['story (paid)'] as string, headers: { cookie: site.subscriberCookie } },
      { url: site.urls['story (metered)'] as string, headers: { cookie: site.subscriberCookie } },
    ];
    for (const r of requests) await site.app.inject({ method: 'GET', ...r }); // fill per-process caches
    const seen = new Map<string, RecordedQuery>();
    for (const r of requests) {
      for (const q of await site.record(() => site.app.inject({ method: 'GET', ...r }))) seen.set(q.sql, q);
    }
    queries = [...seen.values()];
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  const scansOf = (list: readonly RecordedQuery[]) => {
    const file = site.database.config.kind === 'sqlite' ? site.database.config.file : null;
    return file ? Promise.resolve(sqliteScans(file, list)) : postgresScans(site.database.url, list);
  };

  it('explains every statement the reader pages run, and none scans a table', async () => {
    expect(queries.length).toBeGreaterThan(10);
    const scans = await scansOf(queries);
    expect(scans.map((s) => `${s.plan}\n  in: ${s.sql}`)).toEqual([]);
  });

  it('catches a scan: a lookup by a column no index covers', async () => {
    const param = dialect === 'sqlite' ? '?' : '$1';
    const scans = await scansOf([{ sql: `select "id" from "story_translations" where "title" = ${param}`, parameters: ['x'] }]);
    expect(scans).toHaveLength(1);
  });

  // SQLite only: PostgreSQL's plans are checked for sequential scans; its planner has statistics
  // (autovacuum) and does not take an unbounded range when a key lookup exists.
  it.runIf(dialect === 'sqlite')("catches an unbounded range: an edition's entries published before now, without a LIMIT", async () => {
    const sql = `select "story_id" from "edition_entries" where "edition" = ? and "published_at" <= ?`;
    expect(await scansOf([{ sql, parameters: ['en', '2030-01-01'] }])).toHaveLength(1);
    expect(await scansOf([{ sql: `${sql} order by "published_at" desc limit 20`, parameters: ['en', '2030-01-01'] }])).toHaveLength(0);
  });
});
