import { foldForSearch } from '../editions/index.js';
import type { MediaRepository } from './media-repository.js';
import type { LibraryQueryInput } from './media-schema.js';
import type { MediaPage } from './media-types.js';

const MAX_TERMS = 8;

/**
 * The media library, newest first, narrowed by a query matched against alt texts, captions and
 * credits in every language. Query and stored text are folded alike, so "istanbul" finds
 * "İstanbul" and "ISIK" finds "Işık".
 */
export async function searchLibrary(repository: MediaRepository, query: LibraryQueryInput): Promise<MediaPage> {
  const terms = [
    ...new Set(
      foldForSearch(query.q ?? '')
        .split(' ')
        .filter(Boolean),
    ),
  ].slice(0, MAX_TERMS);
  const { items, total } = await repository.search({ terms, page: query.page, pageSize: query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
