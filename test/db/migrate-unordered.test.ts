import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

describe.each(DIALECTS)('%s: migrations merged out of order', (dialect) => {
  it('a database that already has later migrations still gets an earlier one that landed after them', async () => {
    const database = await createTestDatabase(dialect);
    const db = await connectDatabase(database.config);
    try {
      // A database migrated before 0007 landed: every migration but that one.
      const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => !name.startsWith('0007-')));
      await migrateToLatest(db.db, without);
      const applied = await migrateToLatest(db.db);
      expect(applied).toEqual(['0007-staff-status-revision-kinds']);
      // What 0007 adds is there, and a second run applies nothing.
      const columns = (await db.db.introspection.getTables()).find((t) => t.name === 'staff')?.columns.map((c) => c.name);
      expect(columns).toContain('status');
      expect(await migrateToLatest(db.db)).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
