import type { Kysely } from 'kysely';
import type {
  MagicLinkRecord,
  MagicLinkStore,
  Member,
  MemberSessionRecord,
  MemberSessionStore,
  NewMagicLink,
} from '../../../../modules/members/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { toMagicLink, toMember, toSession } from './member-rows.js';

export class MagicLinksKyselyRepository implements MagicLinkStore {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: NewMagicLink, now: Date): Promise<void> {
    await this.db
      .insertInto('magic_links')
      .values({
        id: newId(now.getTime()),
        token_hash: input.tokenHash,
        email: input.email,
        purpose: input.purpose,
        locale: input.locale,
        return_path: input.returnPath,
        created_at: now.toISOString(),
        expires_at: input.expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
  }

  async findUsable(tokenHash: string, now: Date): Promise<MagicLinkRecord | null> {
    const row = await this.db
      .selectFrom('magic_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row ? toMagicLink(row) : null;
  }

  async redeem(tokenHash: string, now: Date): Promise<MagicLinkRecord | null> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('magic_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (!row) return null;
      // Conditional on still being unused: of two concurrent redemptions, one updates nothing.
      const claimed = await trx
        .updateTable('magic_links')
        .set({ used_at: at })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      await trx.updateTable('magic_links').set({ used_at: at }).where('email', '=', row.email).where('used_at', 'is', null).execute();
      return toMagicLink({ ...row, used_at: at });
    });
  }

  async listFor(email: string): Promise<MagicLinkRecord[]> {
    const rows = await this.db.selectFrom('magic_links').selectAll().where('email', '=', email).orderBy('created_at', 'desc').execute();
    return rows.map(toMagicLink);
  }

  async deleteExpired(before: Date): Promise<void> {
    await this.db.deleteFrom('magic_links').where('expires_at', '<', before.toISOString()).execute();
  }
}

export class MemberSessionsKyselyRepository implements MemberSessionStore {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: { memberId: string; tokenHash: string; csrfToken: string; expiresAt: Date }, now: Date): Promise<void> {
    await this.db
      .insertInto('member_sessions')
      .values({
        id: newId(now.getTime()),
        member_id: input.memberId,
        token_hash: input.tokenHash,
        csrf_token: input.csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: input.expiresAt.toISOString(),
      })
      .execute();
  }

  async findActive(tokenHash: string, now: Date): Promise<{ session: MemberSessionRecord; member: Member } | null> {
    const row = await this.db
      .selectFrom('member_sessions as s')
      .innerJoin('members as m', 'm.id', 's.member_id')
      .selectAll('s')
      .select([
        'm.email',
        'm.preferred_edition',
        'm.provider_customer_id',
        'm.created_at as member_created_at',
        'm.updated_at',
        'm.deleted_at',
      ])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now.toISOString())
      .where('m.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.email === null) return null;
    const member = toMember({
      id: row.member_id,
      email: row.email,
      preferred_edition: row.preferred_edition,
      provider_customer_id: row.provider_customer_id,
      created_at: row.member_created_at,
      updated_at: row.updated_at,
      deleted_at: row.deleted_at,
    });
    return { session: toSession(row), member };
  }

  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('member_sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('member_sessions').where('id', '=', id).execute();
  }

  async deleteAllOf(memberId: string): Promise<number> {
    const result = await this.db.deleteFrom('member_sessions').where('member_id', '=', memberId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('member_sessions').where('expires_at', '<=', now.toISOString()).execute();
  }

  async listOf(memberId: string): Promise<MemberSessionRecord[]> {
    const rows = await this.db.selectFrom('member_sessions').selectAll().where('member_id', '=', memberId).orderBy('created_at').execute();
    return rows.map(toSession);
  }
}
