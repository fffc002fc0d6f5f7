import type { ReaderService } from '../../../modules/content/reader-service.js';
import type { Editions } from '../../../modules/editions/edition.js';
import type { PageCache } from '../plugins/page-cache.js';
import type { SitePages } from './site-pages.js';

/** What the reader site's routes are given, built once in the composition root. */
export interface SiteDeps {
  editions: Editions;
  reader: ReaderService;
  pages: SitePages;
  cache: PageCache;
}
