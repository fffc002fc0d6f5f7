import type { Kysely } from 'kysely';
import type { ApiKeyRecord, ApiKeys, NewApiKey } from '../../../../modules/newsroom/staff/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import { toApiKeyRecord } from './staff-rows.js';

export class ApiKeysKyselyRepository implements ApiKeys {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: NewApiKey, now: Date): Promise<ApiKeyRecord> {
    const row = {
      id: newId(now.getTime()),
      name: input.name,
      role: input.role,
      prefix: input.prefix,
      secret_hash: input.secretHash,
      created_by: input.createdBy,
      created_at: now.toISOString(),
      revoked_at: null,
      last_used_at: null,
    };
    await this.db.insertInto('api_keys').values(row).execute();
    return toApiKeyRecord(row);
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toApiKeyRecord);
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toApiKeyRecord(row) : null;
  }

  async findActiveBySecretHash(secretHash: string): Promise<ApiKeyRecord | null> {
    const row = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toApiKeyRecord(row) : null;
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markUsed(id: string, now: Date): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
  }
}
