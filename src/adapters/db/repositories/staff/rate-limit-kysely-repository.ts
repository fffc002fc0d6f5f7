import type { Kysely } from 'kysely';
import type { RateLimitStore } from '../../../../modules/newsroom/staff/index.js';
import type { DB } from '../../schema.js';

/** Rate-limit buckets in the database: one atomic upsert per event, shared by every process. */
export class RateLimitKyselyRepository implements RateLimitStore {
  constructor(private readonly db: Kysely<DB>) {}

  async increment(key: string, windowStart: Date): Promise<void> {
    await this.db
      .insertInto('rate_limit_buckets')
      .values({ key, window_start: windowStart.toISOString(), count: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limit_buckets.count', '+', 1) })))
      .execute();
  }

  async buckets(key: string, since: Date): Promise<Array<{ windowStart: Date; count: number }>> {
    const rows = await this.db
      .selectFrom('rate_limit_buckets')
      .select(['window_start', 'count'])
      .where('key', '=', key)
      .where('window_start', '>=', since.toISOString())
      .orderBy('window_start')
      .execute();
    return rows.map((r) => ({ windowStart: new Date(r.window_start), count: Number(r.count) }));
  }

  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('rate_limit_buckets').where('window_start', '<', before.toISOString()).execute();
  }
}
