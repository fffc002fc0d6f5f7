/**
 * The newsroom's own entry: the one role x action permission matrix and the field groups, shared by
 * its parts. Each part has its entry too: staff/index.ts, editorial/index.ts, taxonomy/index.ts.
 */
export * from './permissions.js';
