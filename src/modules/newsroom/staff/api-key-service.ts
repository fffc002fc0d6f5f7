import type { Clock } from '../../../shared/clock.js';
import { notFound } from '../../../shared/errors.js';
import type { Actor } from '../permissions.js';
import type { AuditLog } from './audit-log.js';
import type { ApiKeys, StaffAccounts } from './staff-repository.js';
import type { NewApiKeyInput } from './staff-schemas.js';
import type { ApiKey, ApiKeyRecord } from './staff-types.js';
import { hashToken, randomToken } from '../../../shared/tokens.js';

/** Every secret starts with this, so a leaked key is recognizable (and scannable). */
export const API_KEY_PREFIX = 'mh_live_';
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 6;
const MARK_USED_EVERY_MS = 60_000;

/**
 * API keys for integrations: each acts with its own role, never beyond what its creator (its
 * owner) may do now: the owner's current role and state are read on every request. A key is shown
 * once, stored only as a SHA-256 digest, and works until revoked, or until its owner is
 * deactivated or deleted (which revokes it). Creating and revoking are audited.
 */
export class ApiKeyService {
  constructor(private readonly deps: { apiKeys: ApiKeys; accounts: StaffAccounts; audit: AuditLog; clock: Clock }) {}

  async list(): Promise<ApiKey[]> {
    return (await this.deps.apiKeys.list()).map(toApiKey);
  }

  /** The secret is in this answer only. */
  async create(input: NewApiKeyInput, by: Actor): Promise<{ apiKey: ApiKey; secret: string }> {
    const secret = API_KEY_PREFIX + randomToken();
    const record = await this.deps.apiKeys.create(
      {
        name: input.name,
        role: input.role,
        prefix: secret.slice(0, SHOWN_CHARACTERS),
        secretHash: hashToken(secret),
        createdBy: by.staffId,
      },
      this.deps.clock.now(),
    );
    await this.deps.audit.record(by, 'apiKey.create', { kind: 'apiKey', id: record.id }, { name: record.name, role: record.role });
    return { apiKey: toApiKey(record), secret };
  }

  /** Revokes at once; revoking a revoked key changes nothing. `not_found` for an unknown id. */
  async revoke(id: string, by: Actor): Promise<void> {
    const record = await this.deps.apiKeys.findById(id);
    if (!record) throw notFound('No such API key', { id });
    if (await this.deps.apiKeys.revoke(id, this.deps.clock.now())) {
      await this.deps.audit.record(by, 'apiKey.revoke', { kind: 'apiKey', id }, { name: record.name, role: record.role });
    }
  }

  /** The actor behind a Bearer secret, or null (unknown, revoked, or its owner is no longer active). */
  async authenticate(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(API_KEY_PREFIX) || secret.length > 200) return null;
    const record = await this.deps.apiKeys.findActiveBySecretHash(hashToken(secret));
    if (!record) return null;
    const owner = await this.deps.accounts.findById(record.createdBy);
    if (!owner || owner.status !== 'active') return null;
    const now = this.deps.clock.now();
    if (record.lastUsedAt === null || now.getTime() - new Date(record.lastUsedAt).getTime() >= MARK_USED_EVERY_MS) {
      await this.deps.apiKeys.markUsed(record.id, now);
    }
    return {
      kind: 'apiKey',
      staffId: record.createdBy,
      apiKeyId: record.id,
      role: record.role,
      locales: [],
      name: record.name,
      owner: { role: owner.role, locales: owner.role === 'translator' ? owner.locales : [] },
    };
  }
}

function toApiKey(record: ApiKeyRecord): ApiKey {
  const { createdBy: _creator, ...key } = record;
  return key;
}
