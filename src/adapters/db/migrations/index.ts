import type { Migration } from 'kysely';
import * as m0001 from './0001-content.js';
import * as m0002 from './0002-staff.js';
import * as m0003 from './0003-jobs.js';
import * as m0004 from './0004-editorial.js';
import * as m0005 from './0005-media.js';
import * as m0006 from './0006-members.js';
import * as m0007 from './0007-staff-status-revision-kinds.js';
import * as m0010 from './0010-reader-scale.js';
import * as m0011 from './0011-page-invalidations.js';
import * as m0012 from './0012-story-version-owner-index.js';
import * as m0013 from './0013-author-staff.js';

/**
 * Every migration, in order, for both SQLite and PostgreSQL. Released migrations are never edited:
 * a change is a new file. Names sort lexically, which is the order Kysely applies them in; one merged later with a lower
 * number than a database's newest is still applied (migrate.ts).
 */
export const migrations: Record<string, Migration> = {
  '0001-content': m0001,
  '0002-staff': m0002,
  '0003-jobs': m0003,
  '0004-editorial': m0004,
  '0005-media': m0005,
  '0006-members': m0006,
  '0007-staff-status-revision-kinds': m0007,
  '0010-reader-scale': m0010,
  '0011-page-invalidations': m0011,
  '0012-story-version-owner-index': m0012,
  '0013-author-staff': m0013,
};
