import type { Actor } from '../permissions.js';
import type { Staff, StaffAccount } from './staff-types.js';

/** What the API shows of an account: everything but the password hash. */
export function toStaff(account: StaffAccount): Staff {
  const { passwordHash: _secret, ...staff } = account;
  return staff;
}

/** A signed-in staff member as an actor: their own role and, for translators, their locales. */
export function staffActor(account: Staff): Actor {
  return {
    kind: 'staff',
    staffId: account.id,
    apiKeyId: null,
    role: account.role,
    locales: account.role === 'translator' ? account.locales : [],
    name: account.name,
  };
}
