import type { Edition } from '../editions/edition.js';
import type {
  ImageView,
  NamedLink,
  Page,
  Provenance,
  StoryStatus,
  StorySummary,
  StoryView,
  TopicKind,
  TopicLink,
} from './content-types.js';

/** A listing of one edition: latest first, optionally narrowed to a section, topic or author. */
export interface ListQuery {
  edition: Edition;
  now: Date;
  page: number;
  pageSize: number;
  sectionId?: string;
  topicId?: string;
  authorId?: string;
  excludeStoryIds?: readonly string[];
  /** Locales to name sections, authors' bios and image texts in, most preferred first. */
  localePreference: readonly string[];
}

export interface SlugMatch {
  translationId: string;
  storyId: string;
  locale: string;
}

export interface EditionEntry {
  translationId: string;
  publishedAt: Date;
  isFallback: boolean;
}

export interface AuthorView extends NamedLink {
  bio: string | null;
  avatar: ImageView | null;
}

export type SlugEntity = 'story' | 'topic' | 'section' | 'author';

/** Reads the reader site needs. Every method answers for one edition at one instant. */
export interface ContentReadRepository {
  listStories(query: ListQuery): Promise<Page<StorySummary>>;
  findTranslationsBySlug(slug: string, locales: readonly string[]): Promise<SlugMatch[]>;
  findEditionEntry(edition: string, storyId: string, now: Date): Promise<EditionEntry | null>;
  storyIdOfTranslation(translationId: string): Promise<string | null>;
  loadStoryView(translationId: string, edition: Edition, localePreference: readonly string[], now: Date): Promise<StoryView | null>;
  /** Related stories: most shared topics first, then the most recent. */
  relatedStories(storyId: string, query: ListQuery, limit: number): Promise<StorySummary[]>;
  findSlugRedirect(entity: SlugEntity, locales: readonly string[], slug: string): Promise<{ targetId: string; locale: string } | null>;
  findTopicBySlug(slug: string, locales: readonly string[], localePreference: readonly string[]): Promise<TopicLink | null>;
  findTopicById(id: string, localePreference: readonly string[]): Promise<TopicLink | null>;
  findSectionBySlug(slug: string, locales: readonly string[], localePreference: readonly string[]): Promise<NamedLink | null>;
  findSectionById(id: string, localePreference: readonly string[]): Promise<NamedLink | null>;
  findAuthorBySlug(slug: string, localePreference: readonly string[]): Promise<AuthorView | null>;
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
  accessLevel?: 'public' | 'metered' | 'registered' | 'paid';
  sectionId: string | null;
  leadImageId: string | null;
  authorIds: string[];
  topicIds: string[];
  translations: NewTranslation[];
}

export interface TranslationChanges {
  title?: string;
  dek?: string;
  body?: unknown;
  readingMinutes?: number;
  slug?: string;
  status?: StoryStatus;
  publishedAt?: Date | null;
}

/** Writes, each in its own transaction, keeping the edition read model in step. */
export interface ContentWriteRepository {
  createImage(input: NewImage, now: Date): Promise<string>;
  createAuthor(input: NewAuthor, now: Date): Promise<string>;
  createSection(names: LocalizedName[], position: number, now: Date): Promise<string>;
  createTopic(kind: TopicKind, names: LocalizedName[], now: Date): Promise<string>;
  createStory(input: NewStory, editions: readonly Edition[], now: Date): Promise<{ storyId: string; translationIds: string[] }>;
  /** Changing the slug keeps the old one answering with a redirect. */
  updateTranslation(translationId: string, changes: TranslationChanges, editions: readonly Edition[], now: Date): Promise<void>;
  renameTopic(topicId: string, name: LocalizedName, now: Date): Promise<void>;
  /** Recomputes which translation every edition lists, for every story (after the editions changed). */
  rebuildEditionEntries(editions: readonly Edition[]): Promise<void>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  countStories(): Promise<number>;
}
