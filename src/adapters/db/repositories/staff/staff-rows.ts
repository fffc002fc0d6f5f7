import type { Selectable } from 'kysely';
import { isRole, type Role } from '../../../../modules/newsroom/index.js';
import { STAFF_STATUSES, type ApiKeyRecord, type StaffAccount, type StaffStatus } from '../../../../modules/newsroom/staff/index.js';
import type { ApiKeysTable, StaffTable } from '../../schema-staff.js';

/** Row mapping shared by the staff repositories; JSON and enum columns are checked on read. */
export function toAccount(row: Selectable<StaffTable>): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleOf(row.role),
    locales: parseLocales(row.locales),
    createdAt: row.created_at,
    status: statusOf(row.status),
    passwordHash: row.password_hash,
  };
}

export function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: roleOf(row.role),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    prefix: row.prefix,
    createdBy: row.created_by,
  };
}

function statusOf(value: string): StaffStatus {
  if (!(STAFF_STATUSES as readonly string[]).includes(value)) throw new Error(`Unknown staff status "${value}" in the database`);
  return value as StaffStatus;
}

function roleOf(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role "${value}" in the database`);
  return value;
}

function parseLocales(text: string): string[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error('staff.locales is not a JSON array of strings');
  return value;
}

/** A unique constraint refused the write (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export const count = (row: { n: string | number | bigint } | undefined): number => Number(row?.n ?? 0);
