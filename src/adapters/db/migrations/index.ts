import type { Migration } from 'kysely';
import * as m0001 from './0001-content.js';

/**
 * Every migration, in order, for both SQLite and PostgreSQL. Released migrations are never edited:
 * a change is a new file. Names sort lexically, which is the order Kysely applies them in.
 */
export const migrations: Record<string, Migration> = {
  '0001-content': m0001,
};
