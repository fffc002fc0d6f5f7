/** Tables created by migration 0005-media. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MediaTables {}
