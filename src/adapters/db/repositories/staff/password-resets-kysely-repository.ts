import type { Kysely } from 'kysely';
import type { PasswordResets } from '../../../../modules/newsroom/staff/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';

export class PasswordResetsKyselyRepository implements PasswordResets {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: { staffId: string; tokenHash: string; expiresAt: Date }, now: Date): Promise<void> {
    await this.db
      .insertInto('password_resets')
      .values({
        id: newId(now.getTime()),
        staff_id: input.staffId,
        token_hash: input.tokenHash,
        created_at: now.toISOString(),
        expires_at: input.expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
  }

  async redeem(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const reset = await trx
        .selectFrom('password_resets')
        .select(['id', 'staff_id'])
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (!reset) return null;
      // Conditional on still being unused: of two concurrent redemptions, one updates nothing.
      const claimed = await trx
        .updateTable('password_resets')
        .set({ used_at: at })
        .where('id', '=', reset.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      await trx
        .updateTable('password_resets')
        .set({ used_at: at })
        .where('staff_id', '=', reset.staff_id)
        .where('used_at', 'is', null)
        .execute();
      await trx.updateTable('staff').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', reset.staff_id).execute();
      await trx.deleteFrom('staff_sessions').where('staff_id', '=', reset.staff_id).execute();
      return reset.staff_id;
    });
  }
}
