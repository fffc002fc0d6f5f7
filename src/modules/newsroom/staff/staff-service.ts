import type { Clock } from '../../../shared/clock.js';
import { notFound } from '../../../shared/errors.js';
import type { Actor } from '../permissions.js';
import type { AuditActor, AuditLog } from './audit-log.js';
import { hashPassword } from './password-hashing.js';
import { toStaff } from './staff-account.js';
import type { StaffAccounts, StaffChanges, StatusChange } from './staff-repository.js';
import type { NewStaffInput, StaffChangesInput } from './staff-schemas.js';
import type { Staff } from './staff-types.js';

/**
 * Managing the newsroom's accounts (admins only: callers authorize with `staff.manage`). Every
 * change is audited; the last admin cannot be demoted, so the newsroom never locks itself out (and
 * first-run setup never reopens).
 */
export class StaffService {
  constructor(private readonly deps: { accounts: StaffAccounts; audit: AuditLog; clock: Clock }) {}

  /** Active and deactivated accounts; deleted ones are gone from the newsroom (their rows stay). */
  async list(): Promise<Staff[]> {
    return (await this.deps.accounts.list()).filter((a) => a.status !== 'deleted').map(toStaff);
  }

  /** `conflict` when the email is taken. `by` is who does it (an actor, or the command line). */
  async create(input: NewStaffInput, by: Actor | AuditActor): Promise<Staff> {
    const passwordHash = await hashPassword(input.password);
    const account = await this.deps.accounts.create(
      { email: input.email, name: input.name, role: input.role, locales: input.locales ?? [], passwordHash },
      this.deps.clock.now(),
    );
    await this.deps.audit.record(by, 'staff.create', { kind: 'staff', id: account.id }, { email: account.email, role: account.role });
    return toStaff(account);
  }

  /** Changes name, role or locales. A role change is its own audit entry (`staff.roleChange`). */
  async update(id: string, input: StaffChangesInput, by: Actor): Promise<Staff> {
    const { accounts, audit, clock } = this.deps;
    const before = await accounts.findById(id);
    if (!before || before.status === 'deleted') throw notFound('No such staff member', { id });
    const changes: StaffChanges = {};
    if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
    if (input.role !== undefined && input.role !== before.role) changes.role = input.role;
    if (input.locales !== undefined && !sameList(input.locales, before.locales)) changes.locales = input.locales;
    if (Object.keys(changes).length === 0) return toStaff(before);
    const after = await accounts.update(id, changes, clock.now());
    if (!after) throw notFound('No such staff member', { id });
    const subject = { kind: 'staff', id };
    if (changes.role) await audit.record(by, 'staff.roleChange', subject, { from: before.role, to: after.role });
    const other: Record<string, unknown> = {};
    if (changes.name) other.name = { from: before.name, to: after.name };
    if (changes.locales) other.locales = { from: before.locales, to: after.locales };
    if (Object.keys(other).length > 0) await audit.record(by, 'staff.update', subject, other);
    return toStaff(after);
  }

  /**
   * Deactivating stops an account at once: its sessions end, the API keys it made are revoked,
   * open reset links die; reactivating lets it sign in again (keys stay revoked). Deleting does the
   * same for good; the row stays, so stories, revisions and the audit log keep naming the person.
   * The last active admin can never be deactivated or deleted (`conflict`).
   */
  async changeLifecycle(id: string, move: keyof typeof LIFECYCLE, by: Actor): Promise<Staff> {
    const { from, to, action } = LIFECYCLE[move];
    const known = await this.deps.accounts.findById(id);
    if (!known || known.status === 'deleted') throw notFound('No such staff member', { id });
    const changed = await this.deps.accounts.changeStatus(id, { from, to }, this.deps.clock.now());
    if (!changed) throw notFound('No such staff member', { id });
    await this.deps.audit.record(
      by,
      action,
      { kind: 'staff', id },
      {
        name: changed.before.name,
        email: changed.before.email,
        role: changed.before.role,
        from: changed.before.status,
        to: changed.after.status,
        endedSessions: changed.endedSessions,
        revokedApiKeyIds: changed.revokedApiKeyIds,
      },
    );
    return toStaff(changed.after);
  }
}

/** The moves of an account's lifecycle, and the audit action each records. */
const LIFECYCLE: Record<'deactivate' | 'reactivate' | 'delete', StatusChange & { action: string }> = {
  deactivate: { from: ['active'], to: 'deactivated', action: 'staff.deactivate' },
  reactivate: { from: ['deactivated'], to: 'active', action: 'staff.reactivate' },
  delete: { from: ['active', 'deactivated'], to: 'deleted', action: 'staff.delete' },
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
