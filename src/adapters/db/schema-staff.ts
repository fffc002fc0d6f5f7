import type { Generated } from 'kysely';

/**
 * Tables created by migration 0002-staff: newsroom staff, their sessions, password resets, API keys,
 * the audit log and the shared rate-limit buckets. Timestamps are ISO-8601 UTC text; secrets are
 * stored only as SHA-256 hex digests (tokens) or scrypt strings (passwords).
 */
export interface StaffTable {
  id: string;
  /** Trimmed and lower-cased: unique case-insensitively. */
  email: string;
  name: string;
  role: string;
  /** JSON array of locale tags a translator translates into. */
  locales: string;
  /** Versioned scrypt string (see modules/newsroom/staff/password-hashing.ts). */
  password_hash: string;
  created_at: string;
  updated_at: string;
  /** active | deactivated | deleted (migration 0007); rows are never removed. */
  status: Generated<string>;
}

export interface StaffSessionsTable {
  id: string;
  staff_id: string;
  /** SHA-256 hex of the cookie token; the token itself is never stored. */
  token_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface PasswordResetsTable {
  id: string;
  staff_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  /** The first characters of the secret, shown to tell keys apart. */
  prefix: string;
  secret_hash: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_staff_id: string | null;
  actor_api_key_id: string | null;
  actor_name: string;
  action: string;
  subject_kind: string;
  subject_id: string;
  /** JSON object. */
  details: string;
}

export interface RateLimitBucketsTable {
  key: string;
  window_start: string;
  count: number;
}

/** One row (id 1) once first-run setup has created the first admin: two setups cannot both win. */
export interface StaffSetupTable {
  id: number;
  completed_at: string;
}

export interface StaffTables {
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  password_resets: PasswordResetsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  rate_limit_buckets: RateLimitBucketsTable;
  staff_setup: StaffSetupTable;
}
