/** Tables created by migration 0003-jobs. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobTables {}
