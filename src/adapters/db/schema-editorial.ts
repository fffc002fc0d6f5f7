/** Tables created by migration 0004-editorial. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EditorialTables {}
