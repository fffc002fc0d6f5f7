import type { Kysely, Transaction } from 'kysely';
import type {
  NewStaff,
  StaffAccount,
  StaffAccounts,
  StaffChanges,
  StatusChange,
  StatusChanged,
} from '../../../../modules/newsroom/staff/index.js';
import { conflict } from '../../../../shared/errors.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { count, isUniqueViolation, toAccount } from './staff-rows.js';

export class StaffAccountsKyselyRepository implements StaffAccounts {
  constructor(private readonly db: Kysely<DB>) {}

  async findByEmail(email: string): Promise<StaffAccount | null> {
    const row = await this.db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async findById(id: string): Promise<StaffAccount | null> {
    const row = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async list(): Promise<StaffAccount[]> {
    const rows = await this.db.selectFrom('staff').selectAll().orderBy('name').orderBy('id').execute();
    return rows.map(toAccount);
  }

  countAdmins(): Promise<number> {
    return countAdmins(this.db);
  }

  async create(input: NewStaff, now: Date): Promise<StaffAccount> {
    try {
      return await insertStaff(this.db, input, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(input.email);
      throw error;
    }
  }

  async createFirstAdmin(input: NewStaff, now: Date): Promise<StaffAccount | null> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        if ((await countAdmins(trx)) > 0) return null;
        const taken = await trx.selectFrom('staff').select('id').where('email', '=', input.email).executeTakeFirst();
        if (taken) throw emailTaken(input.email);
        // The single-row claim: a second setup racing this one fails on its primary key.
        await trx.insertInto('staff_setup').values({ id: 1, completed_at: now.toISOString() }).execute();
        return insertStaff(trx, input, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async update(id: string, changes: StaffChanges, now: Date): Promise<StaffAccount | null> {
    return this.db.transaction().execute(async (trx) => {
      if (changes.role !== undefined && changes.role !== 'admin') await refuseLastAdmin(trx, id, 'role');
      const result = await trx
        .updateTable('staff')
        .set({
          updated_at: now.toISOString(),
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.role !== undefined && { role: changes.role }),
          ...(changes.locales !== undefined && { locales: JSON.stringify(changes.locales) }),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      const row = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toAccount(row);
    });
  }

  async changeStatus(id: string, change: StatusChange, now: Date): Promise<StatusChanged | null> {
    return this.db.transaction().execute(async (trx) => {
      if (change.to !== 'active') await refuseLastAdmin(trx, id, 'status');
      const row = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const before = toAccount(row);
      if (!change.from.includes(before.status)) {
        throw conflict(`A ${before.status} account cannot become ${change.to}`, { field: 'status', from: before.status, to: change.to });
      }
      const at = now.toISOString();
      await trx
        .updateTable('staff')
        .set({
          status: change.to,
          updated_at: at,
          // A deleted account keeps its id and name (bylines, revisions, the audit log name it);
          // its address is freed for a new account and no password opens it again.
          ...(change.to === 'deleted' && { email: `deleted-${id}@deleted.invalid`, password_hash: '!deleted' }),
        })
        .where('id', '=', id)
        .execute();
      let endedSessions = 0;
      let revokedApiKeyIds: string[] = [];
      if (change.to !== 'active') {
        endedSessions = Number((await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).executeTakeFirst()).numDeletedRows);
        const keys = await trx.selectFrom('api_keys').select('id').where('created_by', '=', id).where('revoked_at', 'is', null).execute();
        revokedApiKeyIds = keys.map((k) => k.id);
        if (revokedApiKeyIds.length)
          await trx.updateTable('api_keys').set({ revoked_at: at }).where('id', 'in', revokedApiKeyIds).execute();
        await trx.updateTable('password_resets').set({ used_at: at }).where('staff_id', '=', id).where('used_at', 'is', null).execute();
      }
      const after = toAccount(await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      return { before, after, endedSessions, revokedApiKeyIds };
    });
  }

  async setPasswordHash(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.db.updateTable('staff').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', id).execute();
  }
}

/** Active admins: the ones who can still run the newsroom. */
async function countAdmins(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  return count(
    await db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .executeTakeFirst(),
  );
}

/**
 * Refuses to take away the last active admin (by demotion, deactivation or deletion). Takes the
 * admins' row locks first, so two such changes cannot both see "another admin is left".
 */
async function refuseLastAdmin(trx: Transaction<DB>, id: string, field: 'role' | 'status'): Promise<void> {
  await trx
    .updateTable('staff')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('role', '=', 'admin')
    .execute();
  const current = await trx.selectFrom('staff').select(['role', 'status']).where('id', '=', id).executeTakeFirst();
  if (current?.role === 'admin' && current.status === 'active' && (await countAdmins(trx)) <= 1) {
    throw conflict('The newsroom needs at least one active admin: make someone else admin first', { field });
  }
}

async function insertStaff(db: Kysely<DB> | Transaction<DB>, input: NewStaff, now: Date): Promise<StaffAccount> {
  const row = {
    id: newId(now.getTime()),
    email: input.email,
    name: input.name,
    role: input.role,
    locales: JSON.stringify(input.locales),
    password_hash: input.passwordHash,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    status: 'active',
  };
  await db.insertInto('staff').values(row).execute();
  return toAccount(row);
}

function emailTaken(email: string) {
  return conflict('A staff member with this email already exists', { field: 'email', email });
}
