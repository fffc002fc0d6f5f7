/** Tables created by migration 0011-page-invalidations (docs/adr/0004-page-invalidation.md). */
export interface PageInvalidationsTable {
  id: string;
  /** JSON array of page keys (src/modules/content/page-keys.ts). */
  keys: string;
  /** ISO-8601 UTC, by the writing process's wall clock: only used to prune and to catch up. */
  created_at: string;
}

export interface PageChangeTables {
  page_invalidations: PageInvalidationsTable;
}
