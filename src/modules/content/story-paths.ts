/**
 * The reader site's URL contract for content (later features and tools rely on it):
 * /{edition}/{yyyy}/{mm}/{slug}, /{edition}/topics/{slug}, /{edition}/authors/{slug},
 * /{edition}/sections/{slug}. Year and month are those of the publication time in UTC, so a URL
 * never depends on the server's time zone.
 */
export function storyPath(edition: string, publishedAt: Date, slug: string): string {
  const yyyy = String(publishedAt.getUTCFullYear()).padStart(4, '0');
  const mm = String(publishedAt.getUTCMonth() + 1).padStart(2, '0');
  return `/${edition}/${yyyy}/${mm}/${encodeURIComponent(slug)}`;
}

export function topicPath(edition: string, slug: string): string {
  return `/${edition}/topics/${encodeURIComponent(slug)}`;
}

export function authorPath(edition: string, slug: string): string {
  return `/${edition}/authors/${encodeURIComponent(slug)}`;
}

export function sectionPath(edition: string, slug: string): string {
  return `/${edition}/sections/${encodeURIComponent(slug)}`;
}

export function editionPath(edition: string): string {
  return `/${edition}/`;
}

/** Adds ?page=N for pages after the first. */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}
