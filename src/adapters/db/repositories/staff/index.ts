import type { Kysely } from 'kysely';
import type { StaffStores } from '../../../../modules/newsroom/staff/index.js';
import type { DB } from '../../schema.js';
import { ApiKeysKyselyRepository } from './api-keys-kysely-repository.js';
import { AuditLogKyselyRepository } from './audit-log-kysely-repository.js';
import { PasswordResetsKyselyRepository } from './password-resets-kysely-repository.js';
import { RateLimitKyselyRepository } from './rate-limit-kysely-repository.js';
import { SessionsKyselyRepository } from './sessions-kysely-repository.js';
import { StaffAccountsKyselyRepository } from './staff-accounts-kysely-repository.js';

/** Every store of the staff module over one database (SQLite or PostgreSQL). */
export function createStaffStores(db: Kysely<DB>): StaffStores {
  return {
    accounts: new StaffAccountsKyselyRepository(db),
    sessions: new SessionsKyselyRepository(db),
    resets: new PasswordResetsKyselyRepository(db),
    apiKeys: new ApiKeysKyselyRepository(db),
    audit: new AuditLogKyselyRepository(db),
    rateLimits: new RateLimitKyselyRepository(db),
  };
}
