import type { Kysely } from 'kysely';
import type {
  ComplimentaryGrantRecord,
  ComplimentaryStore,
  GiftLinkRecord,
  GiftStore,
  MemberReadStore,
  MonthlyRead,
} from '../../../../modules/members/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { toGiftLink, toGrant } from './member-rows.js';

/** The monthly meter: one row per member, month and story. */
export class MemberReadsKyselyRepository implements MemberReadStore {
  constructor(private readonly db: Kysely<DB>) {}

  async record(memberId: string, month: string, storyId: string, now: Date): Promise<void> {
    await this.db
      .insertInto('member_monthly_reads')
      .values({ member_id: memberId, month, story_id: storyId, read_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['member_id', 'month', 'story_id']).doNothing())
      .execute();
  }

  async storiesIn(memberId: string, month: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('member_monthly_reads')
      .select('story_id')
      .where('member_id', '=', memberId)
      .where('month', '=', month)
      .orderBy('read_at')
      .execute();
    return rows.map((r) => r.story_id);
  }

  async listOf(memberId: string): Promise<MonthlyRead[]> {
    const rows = await this.db
      .selectFrom('member_monthly_reads')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('read_at')
      .execute();
    return rows.map((r) => ({ month: r.month, storyId: r.story_id, readAt: new Date(r.read_at) }));
  }
}

export class ComplimentaryKyselyRepository implements ComplimentaryStore {
  constructor(private readonly db: Kysely<DB>) {}

  async create(
    input: { memberId: string; until: Date | null; grantedBy: string; note: string | null },
    now: Date,
  ): Promise<ComplimentaryGrantRecord> {
    const row = {
      id: newId(now.getTime()),
      member_id: input.memberId,
      until: input.until?.toISOString() ?? null,
      granted_by: input.grantedBy,
      note: input.note,
      created_at: now.toISOString(),
      revoked_at: null,
    };
    await this.db.insertInto('complimentary_grants').values(row).execute();
    return toGrant(row);
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('complimentary_grants')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listOf(memberId: string): Promise<ComplimentaryGrantRecord[]> {
    const rows = await this.db
      .selectFrom('complimentary_grants')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toGrant);
  }
}

export class GiftsKyselyRepository implements GiftStore {
  constructor(private readonly db: Kysely<DB>) {}

  async create(
    input: { tokenHash: string; storyId: string; createdBy: string; usesLeft: number; expiresAt: Date },
    now: Date,
  ): Promise<GiftLinkRecord> {
    const row = {
      id: newId(now.getTime()),
      token_hash: input.tokenHash,
      story_id: input.storyId,
      created_by: input.createdBy,
      uses_left: input.usesLeft,
      expires_at: input.expiresAt.toISOString(),
      created_at: now.toISOString(),
    };
    await this.db.insertInto('gift_links').values(row).execute();
    return toGiftLink(row);
  }

  async findByTokenHash(tokenHash: string): Promise<GiftLinkRecord | null> {
    const row = await this.db.selectFrom('gift_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toGiftLink(row) : null;
  }

  async redeem(linkId: string, redemptionTokenHash: string, now: Date, expiresAt: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      // One conditional decrement: concurrent redemptions can never take the count below zero.
      const spent = await trx
        .updateTable('gift_links')
        .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
        .where('id', '=', linkId)
        .where('uses_left', '>', 0)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) return false;
      const link = await trx.selectFrom('gift_links').select('expires_at').where('id', '=', linkId).executeTakeFirstOrThrow();
      await trx
        .insertInto('gift_redemptions')
        .values({
          id: newId(now.getTime()),
          gift_link_id: linkId,
          token_hash: redemptionTokenHash,
          created_at: at,
          expires_at: earlier(link.expires_at, expiresAt.toISOString()),
        })
        .execute();
      return true;
    });
  }

  async redemptions(tokenHashes: readonly string[], now: Date): Promise<Array<{ giftLinkId: string; storyId: string; expiresAt: Date }>> {
    if (tokenHashes.length === 0) return [];
    const rows = await this.db
      .selectFrom('gift_redemptions as r')
      .innerJoin('gift_links as g', 'g.id', 'r.gift_link_id')
      .select(['r.gift_link_id', 'g.story_id', 'r.expires_at'])
      .where('r.token_hash', 'in', [...tokenHashes])
      .where('r.expires_at', '>', now.toISOString())
      .execute();
    return rows.map((r) => ({ giftLinkId: r.gift_link_id, storyId: r.story_id, expiresAt: new Date(r.expires_at) }));
  }

  async listOf(memberId: string): Promise<GiftLinkRecord[]> {
    const rows = await this.db
      .selectFrom('gift_links')
      .selectAll()
      .where('created_by', '=', memberId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toGiftLink);
  }

  async countCreatedSince(memberId: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('gift_links')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('created_by', '=', memberId)
      .where('created_at', '>=', since.toISOString())
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

/** The earlier of two ISO-8601 UTC times (same format, so they compare as text). */
function earlier(a: string, b: string): string {
  return new Date(a).getTime() <= new Date(b).getTime() ? a : b;
}
