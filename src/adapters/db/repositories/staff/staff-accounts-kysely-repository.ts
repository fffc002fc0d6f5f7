import type { Kysely, Transaction } from 'kysely';
import type { NewStaff, StaffAccount, StaffAccounts, StaffChanges } from '../../../../modules/newsroom/staff/index.js';
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
      if (changes.role !== undefined && changes.role !== 'admin') {
        // Take the admins' row locks first, so two demotions cannot both see "another admin left".
        await trx.updateTable('staff').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('role', '=', 'admin').execute();
        const current = await trx.selectFrom('staff').select('role').where('id', '=', id).executeTakeFirst();
        if (current?.role === 'admin' && (await countAdmins(trx)) <= 1) {
          throw conflict('The newsroom needs at least one admin: make someone else admin first', { field: 'role' });
        }
      }
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

  async setPasswordHash(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.db.updateTable('staff').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', id).execute();
  }
}

async function countAdmins(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  return count(
    await db.selectFrom('staff').select((eb) => eb.fn.countAll<string | number>().as('n')).where('role', '=', 'admin').executeTakeFirst(),
  );
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
  };
  await db.insertInto('staff').values(row).execute();
  return toAccount(row);
}

function emailTaken(email: string) {
  return conflict('A staff member with this email already exists', { field: 'email', email });
}
