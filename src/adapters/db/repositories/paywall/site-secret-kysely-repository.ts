import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';

/**
 * A secret kept in `site_meta`, made once and then the same for every process and every restart:
 * the first process to start inserts it, any racing one keeps the stored value (insert-or-ignore,
 * then read back), so all web processes sign and verify with one key.
 */
export async function readOrCreateSiteSecret(db: Kysely<DB>, key: string, generate: () => string): Promise<string> {
  const read = () => db.selectFrom('site_meta').select('value').where('key', '=', key).executeTakeFirst();
  const existing = await read();
  if (existing) return existing.value;
  await db
    .insertInto('site_meta')
    .values({ key, value: generate() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await read();
  if (!stored) throw new Error(`site_meta: the secret "${key}" could not be stored`);
  return stored.value;
}

/** The stored secret, without creating one. */
export async function readSiteSecret(db: Kysely<DB>, key: string): Promise<string | null> {
  const row = await db.selectFrom('site_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}
