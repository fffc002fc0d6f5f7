import type { Edition } from '../editions/index.js';
import type { StoryDocument } from './document/index.js';
import type {
  ImageView,
  NamedLink,
  Page,
  Provenance,
  AccessLevel,
  StoryStatus,
  StorySummary,
  StoryView,
  TopicKind,
  TopicLink,
} from './content-types.js';

/** A listing of one edition: latest first, optionally narrowed to a section, a topic or an author (one of them). */
export interface ListQuery {
  edition: Edition;
  now: Date;
  page: number;
  pageSize: number;
  sectionId?: string;
  topicId?: string;
  authorId?: string;
  /** `total` counts no further than this (then `Page.capped`): a count costs what a page does. */
  countCap: number;
  /** Locales to name sections, authors' bios and image texts in, most preferred first. */
  localePreference: readonly string[];
}

/** A block of a page listing an edition's latest stories, or a section's, without a count. */
export interface BlockQuery {
  sectionId?: string;
  limit: number;
}

/** The story a URL names, as the edition lists it: the story page's first statement. */
export interface StoryHead {
  storyId: string;
  translationId: string;
  slug: string;
  locale: string;
  publishedAt: Date;
  /** Whether the slug asked for is the listed translation's own (else the page redirects to it). */
  direct: boolean;
  body: StoryDocument;
  updatedAt: Date;
  isOriginal: boolean;
  translatedFrom: string | null;
  provenance: Provenance;
  provenanceCredit: string | null;
  readingMinutes: number;
  originalLocale: string;
  accessLevel: AccessLevel;
  seoTitle: string | null;
  seoDescription: string | null;
  /** The repository's own row, handed back to `loadStoryPage`. */
  row: unknown;
}

export interface StoryPageData {
  story: StoryView;
  moreFromAuthor: StorySummary[];
  related: StorySummary[];
}

export type SlugEntity = 'story' | 'topic' | 'section' | 'author';

export interface AuthorView extends NamedLink {
  bio: string | null;
  avatar: ImageView | null;
}

/**
 * Reads the reader site needs. Every method answers for one edition at one instant, in a fixed
 * number of indexed statements whatever the size of the archive.
 */
export interface ContentReadRepository {
  listStories(query: ListQuery): Promise<Page<StorySummary>>;
  /** How many stories a listing has, counting no further than `query.countCap`. */
  countStories(query: ListQuery): Promise<{ total: number; capped: boolean }>;
  /** Several blocks of latest stories (no counts), in one statement and one hydration. */
  listBlocks(edition: Edition, now: Date, localePreference: readonly string[], blocks: readonly BlockQuery[]): Promise<StorySummary[][]>;
  findStoryBySlug(edition: string, slug: string, locales: readonly string[], now: Date): Promise<StoryHead | null>;
  /** Where a story's former slug now answers: its listed translation's slug and date. */
  findStoryByOldSlug(
    edition: string,
    slug: string,
    locales: readonly string[],
    now: Date,
  ): Promise<{ slug: string; publishedAt: Date } | null>;
  /** The story page: the story, "more from" its first author and its stored related stories. */
  loadStoryPage(head: StoryHead, edition: Edition, localePreference: readonly string[], now: Date, sidebar: number): Promise<StoryPageData>;
  findSlugRedirect(entity: SlugEntity, locales: readonly string[], slug: string): Promise<{ targetId: string; locale: string } | null>;
  findTopicBySlug(slug: string, locales: readonly string[], localePreference: readonly string[]): Promise<TopicLink | null>;
  findTopicById(id: string, localePreference: readonly string[]): Promise<TopicLink | null>;
  findSectionBySlug(slug: string, locales: readonly string[], localePreference: readonly string[]): Promise<NamedLink | null>;
  findSectionById(id: string, localePreference: readonly string[]): Promise<NamedLink | null>;
  findAuthorBySlug(slug: string, localePreference: readonly string[]): Promise<AuthorView | null>;
  findAuthorById(id: string, localePreference: readonly string[]): Promise<AuthorView | null>;
  listSections(localePreference: readonly string[]): Promise<NamedLink[]>;
  ping(): Promise<void>;
}

export interface LocalizedName {
  locale: string;
  name: string;
  slug: string;
}

export interface NewImage {
  path: string;
  width: number;
  height: number;
  mime: string;
  creditAgency?: string | null;
  creditPhotographer?: string | null;
  texts: { locale: string; alt: string; caption?: string | null }[];
}

export interface NewAuthor {
  slug: string;
  name: string;
  avatarImageId?: string | null;
  bios: { locale: string; bio: string }[];
}

export interface NewTranslation {
  locale: string;
  title: string;
  dek: string;
  /** Validated document JSON. */
  body: unknown;
  slug: string;
  status: StoryStatus;
  publishedAt: Date | null;
  isOriginal: boolean;
  translatedFrom: string | null;
  provenance: Provenance;
  provenanceCredit: string | null;
  readingMinutes: number;
}

export interface NewStory {
  /** Who may read it (the paywall decides); public when absent. */
  accessLevel?: AccessLevel;
  sectionId: string | null;
  leadImageId: string | null;
  authorIds: string[];
  topicIds: string[];
  translations: NewTranslation[];
}

/** Writes, each in its own transaction, keeping the edition read model in step. */
export interface ContentWriteRepository {
  createImage(input: NewImage, now: Date): Promise<string>;
  createAuthor(input: NewAuthor, now: Date): Promise<string>;
  createSection(names: LocalizedName[], position: number, now: Date): Promise<string>;
  createTopic(kind: TopicKind, names: LocalizedName[], now: Date): Promise<string>;
  createStory(input: NewStory, editions: readonly Edition[], now: Date): Promise<{ storyId: string; translationIds: string[] }>;
  /**
   * Many stories in one transaction (bulk loads). With `related: false` their related stories are
   * left for one `rebuildRelated` at the end, when every story they could name exists.
   */
  createStories(
    inputs: readonly NewStory[],
    editions: readonly Edition[],
    now: Date,
    options?: { related?: boolean },
  ): Promise<{ storyId: string; translationIds: string[] }[]>;
  /** Recomputes every story's stored related stories, and drops every cached page (the `site` key). */
  rebuildRelated(onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Recomputes which translation every edition lists, for every story (after the editions changed). */
  rebuildEditionEntries(editions: readonly Edition[], onProgress?: (done: number, total: number) => void): Promise<void>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  countStories(): Promise<number>;
}
