import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';

/** When the next story becomes visible in an edition by time alone (a scheduled or embargoed publication). */
export class ScheduleKyselyReads {
  constructor(private readonly db: Kysely<DB>) {}

  /** One index seek on (edition, published_at). */
  async nextPublicationAfter(edition: string, now: Date): Promise<Date | null> {
    const row = await this.db
      .selectFrom('edition_entries')
      .select('published_at')
      .where('edition', '=', edition)
      .where('published_at', '>', now.toISOString())
      .orderBy('published_at')
      .limit(1)
      .executeTakeFirst();
    return row ? new Date(row.published_at) : null;
  }
}
