import type { Kysely } from 'kysely';
import type { Member, MemberStore } from '../../../../modules/members/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { toMember } from './member-rows.js';

export class MembersKyselyRepository implements MemberStore {
  constructor(private readonly db: Kysely<DB>) {}

  async findByEmail(email: string): Promise<Member | null> {
    const row = await this.db
      .selectFrom('members')
      .selectAll()
      .where('email', '=', email)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }

  async findById(id: string): Promise<Member | null> {
    const row = await this.db.selectFrom('members').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? toMember(row) : null;
  }

  async findOrCreate(email: string, preferredEdition: string, now: Date): Promise<Member> {
    const at = now.toISOString();
    // The unique email makes a racing second insert a no-op; both then read the one row.
    await this.db
      .insertInto('members')
      .values({
        id: newId(now.getTime()),
        email,
        preferred_edition: preferredEdition,
        provider_customer_id: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    const row = await this.db.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    return toMember(row);
  }

  async setPreferredEdition(id: string, locale: string, now: Date): Promise<void> {
    await this.db.updateTable('members').set({ preferred_edition: locale, updated_at: now.toISOString() }).where('id', '=', id).execute();
  }

  async deletePersonalData(id: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('members').select('email').where('id', '=', id).executeTakeFirst();
      if (!row) return;
      await trx.deleteFrom('member_sessions').where('member_id', '=', id).execute();
      if (row.email !== null) await trx.deleteFrom('magic_links').where('email', '=', row.email).execute();
      await trx.deleteFrom('member_monthly_reads').where('member_id', '=', id).execute();
      await trx.deleteFrom('complimentary_grants').where('member_id', '=', id).execute();
      await trx.deleteFrom('gift_links').where('created_by', '=', id).execute();
      // Subscriptions stay (accounting); they point at this row, which keeps no personal data.
      await trx
        .updateTable('members')
        .set({ email: null, preferred_edition: null, provider_customer_id: null, deleted_at: at, updated_at: at })
        .where('id', '=', id)
        .execute();
    });
  }
}
