import type { Role } from '../permissions.js';

export const STAFF_STATUSES = ['active', 'deactivated', 'deleted'] as const;
/** active: works; deactivated: cannot sign in or use keys, can be reactivated; deleted: for good. */
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** A member of the newsroom as the admin API shows them (never with the password hash). */
export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  locales: string[];
  createdAt: string;
  status: StaffStatus;
}

/** A staff member with what sign-in needs; stays inside the module and its repository. */
export interface StaffAccount extends Staff {
  passwordHash: string;
}

/** An API key as listed: the secret itself is shown once, at creation, and never again. */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** The first characters of the secret ("mh_live_AbCd…"), to tell keys apart. */
  prefix: string;
}

export interface ApiKeyRecord extends ApiKey {
  createdBy: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { staffId: string | null; name: string; apiKeyId: string | null };
  action: string;
  subject: { kind: string; id: string };
  details: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A stored sign-in session: the cookie token is known only by its hash. */
export interface SessionRecord {
  id: string;
  staffId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}
