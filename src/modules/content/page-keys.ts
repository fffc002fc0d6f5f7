import { z } from 'zod';
import { defineJob } from '../jobs/index.js';
import type { HomePage, StoryPage } from './reader-service.js';

/**
 * The names of what a reader page shows, so that a change can find every page that showed it
 * (invalidate by key, not by expiry; docs/adr/0004-page-invalidation.md). Each cached page is
 * tagged with the keys of the stories, listings and edition home it shows; every write to a story
 * records the keys it affects in the same transaction; every process (and the CDN) drops the pages
 * tagged with any of them. Keys are plain tokens (no spaces or commas), so they can go into
 * `Surrogate-Key` (space-separated) and `Cache-Tag` (comma-separated) headers as they are.
 */
export const pageKeys = {
  /** Every page: purging it empties every cache (editions rebuilt, taxonomy renamed, navigation changed). */
  site: 'site',
  /** A story's own pages in every edition, and every page that lists it. */
  story: (storyId: string) => `story-${storyId}`,
  /** An edition's home pages (the front page and its later pages). */
  home: (locale: string) => `home-${locale}`,
  section: (sectionId: string) => `section-${sectionId}`,
  topic: (topicId: string) => `topic-${topicId}`,
  author: (authorId: string) => `author-${authorId}`,
} as const;

const KEY = /^[a-z0-9][a-z0-9_.-]{0,119}$/i;

/**
 * The durable job that tells the CDN (CDN_PURGE_URL) to drop every page tagged with these keys.
 * Written in the transaction of the change (the outbox rule), retried with the queue's backoff; a
 * purge is idempotent, so a repeated run is harmless.
 */
export const cdnPurgeJob = defineJob('cdn.purge', z.object({ keys: z.array(z.string().regex(KEY)).min(1).max(1000) }));

/** Distinct keys, in first-seen order. */
export function distinctKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)];
}

/** The keys of a listing page: the listing's own key and every story it shows. */
export function listingPageKeys(listingKey: string, stories: readonly { storyId: string }[]): string[] {
  return distinctKeys([pageKeys.site, listingKey, ...stories.map((s) => pageKeys.story(s.storyId))]);
}

/** The keys of an edition's home page: the edition home and every story on it. */
export function homePageKeys(locale: string, home: HomePage): string[] {
  const shown = [...(home.lead ? [home.lead] : []), ...home.latest.items, ...home.sections.flatMap((b) => b.stories)];
  return listingPageKeys(pageKeys.home(locale), shown);
}

/**
 * The keys of a story page: the story, every story in its sidebars, and the listings those
 * sidebars are drawn from (its first author's stories, stories sharing its topics), so a story
 * published into one of them refreshes the sidebar.
 */
export function storyPageKeys(page: StoryPage): string[] {
  const { story } = page;
  return distinctKeys([
    pageKeys.site,
    pageKeys.story(story.storyId),
    ...(story.authors[0] ? [pageKeys.author(story.authors[0].id)] : []),
    ...story.topics.map((t) => pageKeys.topic(t.id)),
    ...[...page.moreFromAuthor, ...page.related].map((s) => pageKeys.story(s.storyId)),
  ]);
}
