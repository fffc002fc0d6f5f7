import type { LeakStory } from './leak-site.js';

/**
 * Every route that could carry a story's text, for the leak suite (leak-suite.test.ts): each is
 * requested for each gated story by each kind of reader, and the withheld canaries must be absent
 * from the response (status line, headers and body) for every reader the paywall denies.
 *
 * THE REGISTRY: a feature that adds a surface able to show story text adds it here, and the suite
 * checks it at once: feeds (`/en/feed.xml`), sitemaps and news sitemaps, search results and their
 * snippets, newsletters' web views, print or AMP views, public APIs, oEmbed, gift-link pages...
 */
export interface Surface {
  name: string;
  /** The request path for this story; null when the surface does not apply to it (no translation). */
  url(story: LeakStory): string | null;
  method?: 'GET' | 'HEAD';
  /** Status expected for every reader (default 200). */
  status?: number;
  /**
   * For a reader with access: the canary this surface must show (a story page shows its
   * translation's withheld text). Absent: it never shows story text to anyone (listings, APIs).
   */
  shows?(story: LeakStory): string | null;
  /** Sent with the request, e.g. an Accept header. */
  headers?: Record<string, string>;
}

const month = (path: string) => path.replace(/^\/[a-z]+\//, '/');

export const SURFACES: Surface[] = [
  // The story page, in its own language's edition and as other editions show it.
  { name: 'story page (en)', url: (s) => s.en.path, shows: (s) => s.en.canary },
  { name: 'story page (en), HEAD', url: (s) => s.en.path, method: 'HEAD' },
  { name: 'story page (tr translation)', url: (s) => s.tr?.path ?? null, shows: (s) => s.tr?.canary ?? null },
  { name: 'story page in the Arabic edition (English fallback)', url: (s) => `/ar${month(s.en.path)}`, shows: (s) => s.en.canary },
  { name: 'story page in the Persian edition (English fallback)', url: (s) => `/fa${month(s.en.path)}`, shows: (s) => s.en.canary },
  {
    name: 'story page in the Turkish edition without a translation (English fallback)',
    url: (s) => (s.tr ? null : `/tr${month(s.en.path)}`),
    shows: (s) => s.en.canary,
  },
  {
    name: 'English slug in the Turkish edition (redirect to the translation)',
    url: (s) => (s.tr ? `/tr${month(s.en.path)}` : null),
    status: 301,
  },
  { name: 'story page with a tracking query (not cached)', url: (s) => `${s.en.path}?utm_source=newsletter`, shows: (s) => s.en.canary },
  { name: 'story page, ?page=2', url: (s) => `${s.en.path}?page=2`, shows: (s) => s.en.canary },
  {
    name: 'story page with a JSON Accept header',
    url: (s) => s.en.path,
    headers: { accept: 'application/json' },
    shows: (s) => s.en.canary,
  },
  // Cache keys are not URLs: asking for one finds nothing.
  { name: 'access-class cache key as a URL', url: (s) => `${s.en.path}|full`, status: 404 },
  { name: 'access-class cache key, encoded', url: (s) => `${s.en.path}%7Cfull`, status: 404 },
  { name: 'unknown slug next to the story (404 page)', url: (s) => `${s.en.path}-nope`, status: 404 },
  // Listings show title, dek and image only.
  { name: 'English home', url: () => '/en/' },
  { name: 'Turkish home', url: () => '/tr/' },
  { name: 'Arabic home', url: () => '/ar/' },
  { name: 'Persian home', url: () => '/fa/' },
  { name: 'section page (en)', url: (s) => `/en/sections/${s.sectionSlug}` },
  { name: 'section page (tr)', url: () => '/tr/sections/ekonomi' },
  { name: 'topic page (en)', url: (s) => `/en/topics/${s.topicSlug}` },
  { name: 'topic page (tr)', url: () => '/tr/topics/ege-kiyisi' },
  { name: 'author page (en)', url: (s) => `/en/authors/${s.authorSlug}` },
  { name: 'author page (tr)', url: (s) => `/tr/authors/${s.authorSlug}` },
  // The admin API answers nobody without staff credentials.
  { name: 'admin API: the translation, no credentials', url: (s) => `/admin/api/v1/translations/${s.en.translationId}`, status: 401 },
  {
    name: 'admin API: its revisions, no credentials',
    url: (s) => `/admin/api/v1/translations/${s.en.translationId}/revisions`,
    status: 401,
  },
  { name: 'admin API: story search, no credentials', url: (s) => `/admin/api/v1/stories?q=${encodeURIComponent(s.en.title)}`, status: 401 },
  { name: 'unknown API endpoint', url: (s) => `/api/v1/stories/${s.storyId}`, status: 404 },
];
