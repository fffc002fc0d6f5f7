import { inspect } from 'node:util';
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.js';

/**
 * Applies every pending migration, in name order; throws with the failing migration's name and cause.
 * A migration older than the newest applied one is applied too (`allowUnorderedMigrations`): work
 * merged from parallel branches lands with numbers below ones a database may already have (a
 * pre-release or bench database), and each migration only adds what it names, so order between
 * independent migrations does not matter. Applied migrations are never re-run.
 */
export async function migrateToLatest(db: Kysely<any>, available: Record<string, Migration> = migrations): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => available },
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : inspect(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
