import type { Role } from '../permissions.js';
import type { ApiKeyRecord, AuditEntry, Page, SessionRecord, StaffAccount, StaffStatus } from './staff-types.js';

/**
 * The ports of the staff module. Every method is one atomic step; the Kysely implementations live
 * in src/adapters/db/repositories/staff/. Times are passed in (the module's clock), never read here.
 */
export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  locales: readonly string[];
  passwordHash: string;
}

export interface StaffChanges {
  name?: string;
  role?: Role;
  locales?: readonly string[];
}

export interface StaffAccounts {
  findByEmail(email: string): Promise<StaffAccount | null>;
  findById(id: string): Promise<StaffAccount | null>;
  list(): Promise<StaffAccount[]>;
  countAdmins(): Promise<number>;
  /** Throws `conflict` when the email is taken. */
  create(input: NewStaff, now: Date): Promise<StaffAccount>;
  /**
   * First-run setup: creates the admin only if no admin exists and setup never completed, in one
   * transaction; null when someone was first.
   */
  createFirstAdmin(input: NewStaff, now: Date): Promise<StaffAccount | null>;
  /** Applies the changes; null when no such staff member. Refuses (`conflict`) to demote the last admin. */
  update(id: string, changes: StaffChanges, now: Date): Promise<StaffAccount | null>;
  /**
   * In one transaction: moves the account from one of `from` to `to` (`conflict` otherwise, and for
   * taking the last active admin). Leaving 'active' ends every session, revokes every API key the
   * account made and voids its open reset links; 'deleted' also frees the email and the password.
   * Null when no such account.
   */
  changeStatus(id: string, change: StatusChange, now: Date): Promise<StatusChanged | null>;
  setPasswordHash(id: string, passwordHash: string, now: Date): Promise<void>;
}

export interface StatusChange {
  from: readonly StaffStatus[];
  to: StaffStatus;
}

export interface StatusChanged {
  before: StaffAccount;
  after: StaffAccount;
  endedSessions: number;
  revokedApiKeyIds: string[];
}

export interface NewSession {
  staffId: string;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Sessions {
  create(input: NewSession, now: Date): Promise<SessionRecord>;
  /** The unexpired session with this token hash. */
  findActive(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  touch(id: string, now: Date, expiresAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
  deleteAllOf(staffId: string): Promise<number>;
  /** Ends every session of the staff member but `keepSessionId` (the one making the request). */
  deleteOthersOf(staffId: string, keepSessionId: string): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}

export interface PasswordResets {
  create(input: { staffId: string; tokenHash: string; expiresAt: Date }, now: Date): Promise<void>;
  /**
   * In one transaction: marks the unused, unexpired reset with this token hash used (with every
   * other open reset of that staff member), sets the new password hash and ends all their sessions.
   * Returns the staff id, or null when the token is unknown, used or expired.
   */
  redeem(tokenHash: string, passwordHash: string, now: Date): Promise<string | null>;
}

export interface NewApiKey {
  name: string;
  role: Role;
  prefix: string;
  secretHash: string;
  createdBy: string;
}

export interface ApiKeys {
  create(input: NewApiKey, now: Date): Promise<ApiKeyRecord>;
  list(): Promise<ApiKeyRecord[]>;
  findById(id: string): Promise<ApiKeyRecord | null>;
  /** The unrevoked key with this secret hash. */
  findActiveBySecretHash(secretHash: string): Promise<ApiKeyRecord | null>;
  /** True when this call revoked it (false: unknown or already revoked). */
  revoke(id: string, now: Date): Promise<boolean>;
  markUsed(id: string, now: Date): Promise<void>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditLogStore {
  /** In `tx` when given (a transaction the database adapter opened for the change being recorded), else on its own. */
  append(entry: NewAuditEntry, now: Date, tx?: unknown): Promise<void>;
  page(page: number, pageSize: number): Promise<Page<AuditEntry>>;
}

/** Counters in fixed buckets shared by every process on the database. */
export interface RateLimitStore {
  /** Adds one to the bucket starting at `windowStart` (atomic upsert). */
  increment(key: string, windowStart: Date): Promise<void>;
  /** Buckets of this key starting at or after `since`, oldest first. */
  buckets(key: string, since: Date): Promise<Array<{ windowStart: Date; count: number }>>;
  /** Forgets buckets older than `before` (any key). */
  prune(before: Date): Promise<void>;
}

export interface StaffStores {
  accounts: StaffAccounts;
  sessions: Sessions;
  resets: PasswordResets;
  apiKeys: ApiKeys;
  audit: AuditLogStore;
  rateLimits: RateLimitStore;
}
