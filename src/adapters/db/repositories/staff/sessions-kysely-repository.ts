import type { Kysely, Selectable } from 'kysely';
import type { NewSession, SessionRecord, Sessions } from '../../../../modules/newsroom/staff/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import type { StaffSessionsTable } from '../../schema-staff.js';

export class SessionsKyselyRepository implements Sessions {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: NewSession, now: Date): Promise<SessionRecord> {
    const row = {
      id: newId(now.getTime()),
      staff_id: input.staffId,
      token_hash: input.tokenHash,
      csrf_token: input.csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: input.expiresAt.toISOString(),
    };
    await this.db.insertInto('staff_sessions').values(row).execute();
    return toSession(row);
  }

  async findActive(tokenHash: string, now: Date): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('staff_sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('id', '=', id).execute();
  }

  async deleteAllOf(staffId: string): Promise<number> {
    const result = await this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteOthersOf(staffId: string, keepSessionId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('staff_id', '=', staffId)
      .where('id', '!=', keepSessionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('staff_sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toSession(row: Selectable<StaffSessionsTable>): SessionRecord {
  return {
    id: row.id,
    staffId: row.staff_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}
