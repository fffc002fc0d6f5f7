import type { Kysely } from 'kysely';

/** Placeholder until this migration's tables are written (see schema-jobs.ts). */
export async function up(_db: Kysely<any>): Promise<void> {}
