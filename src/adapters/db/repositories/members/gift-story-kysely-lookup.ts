import type { Kysely } from 'kysely';
import type { GiftableStory, GiftStoryLookup } from '../../../../modules/members/index.js';
import { storyPath } from '../../../../modules/content/index.js';
import type { DB } from '../../schema.js';

/** A story as an edition lists it now (the edition read model), for gift links. */
export class GiftStoryKyselyLookup implements GiftStoryLookup {
  constructor(private readonly db: Kysely<DB>) {}

  async find(edition: string, storyId: string, now: Date): Promise<GiftableStory | null> {
    const row = await this.db
      .selectFrom('edition_entries as e')
      .innerJoin('story_translations as t', 't.id', 'e.translation_id')
      .innerJoin('stories as s', 's.id', 'e.story_id')
      .select(['t.title', 't.slug', 't.published_at', 's.access_level'])
      .where('e.edition', '=', edition)
      .where('e.story_id', '=', storyId)
      .where('e.published_at', '<=', now.toISOString())
      .executeTakeFirst();
    if (!row || !row.published_at) return null;
    return {
      storyId,
      // A story without the editorial column (older rows) is treated as the strictest level.
      accessLevel: row.access_level ?? 'paid',
      title: row.title,
      path: storyPath(edition, new Date(row.published_at), row.slug),
    };
  }
}
