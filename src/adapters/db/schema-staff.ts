/** Tables created by migration 0002-staff. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StaffTables {}
