import type { Clock } from '../../shared/clock.js';
import type { Edition, Editions } from '../editions/edition.js';
import type { AuthorView, ContentReadRepository, ListQuery } from './content-repository.js';
import type { NamedLink, Page, StorySummary, StoryView, TopicLink } from './content-types.js';
import { sectionPath, storyPath, topicPath } from './story-paths.js';

export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'redirect'; location: string } | { kind: 'not_found' };

export interface StoryPage {
  story: StoryView;
  moreFromAuthor: StorySummary[];
  related: StorySummary[];
}

export interface HomePage {
  lead: StorySummary | null;
  latest: Page<StorySummary>;
  sections: { section: NamedLink; stories: StorySummary[] }[];
}

export interface ReaderServiceDeps {
  content: ContentReadRepository;
  editions: Editions;
  clock: Clock;
}

export const PAGE_SIZE = 20;
const HOME_LATEST = 12;
const SECTION_BLOCK = 4;
const SIDEBAR = 4;

/**
 * The reader site's use cases: one function per page kind, answering found, redirect or not found.
 * Routes call these and render; they hold no query of their own.
 */
export class ReaderService {
  constructor(private readonly deps: ReaderServiceDeps) {}

  /** Locales to show names in: the edition's, its sources, then the default edition's. */
  localePreference(edition: Edition): string[] {
    return [...new Set([...this.deps.editions.contentLocales(edition), this.deps.editions.defaultLocale])];
  }

  private query(edition: Edition, page: number, pageSize: number, extra: Partial<ListQuery> = {}): ListQuery {
    return { edition, now: this.deps.clock.now(), page, pageSize, localePreference: this.localePreference(edition), ...extra };
  }

  async home(edition: Edition, page: number): Promise<HomePage | null> {
    const { content } = this.deps;
    if (page > 1) {
      const latest = await content.listStories(this.query(edition, page, PAGE_SIZE));
      return latest.items.length === 0 ? null : { lead: null, latest, sections: [] };
    }
    const first = await content.listStories(this.query(edition, 1, HOME_LATEST + 1));
    const [lead, ...rest] = first.items;
    const shown = first.items.map((s) => s.storyId);
    const sectionList = await content.listSections(this.localePreference(edition));
    const blocks = await Promise.all(
      sectionList.map(async (section) => ({
        section,
        stories: (await content.listStories(this.query(edition, 1, SECTION_BLOCK, { sectionId: section.id, excludeStoryIds: shown }))).items,
      })),
    );
    return {
      lead: lead ?? null,
      latest: { items: rest, total: first.total, page: 1, pageSize: HOME_LATEST },
      sections: blocks.filter((b) => b.stories.length > 0),
    };
  }

  async story(edition: Edition, year: string, month: string, slug: string): Promise<Lookup<StoryPage>> {
    const { content, editions } = this.deps;
    const now = this.deps.clock.now();
    const locales = [...new Set([...editions.contentLocales(edition), ...editions.locales])];
    const preference = this.localePreference(edition);

    let translationId: string | null = null;
    let direct = false;
    for (const match of await content.findTranslationsBySlug(slug, locales)) {
      const entry = await content.findEditionEntry(edition.locale, match.storyId, now);
      if (entry) {
        translationId = entry.translationId;
        direct = entry.translationId === match.translationId;
        break;
      }
    }
    if (!translationId) {
      const old = await content.findSlugRedirect('story', locales, slug);
      const storyId = old ? await content.storyIdOfTranslation(old.targetId) : null;
      const entry = storyId ? await content.findEditionEntry(edition.locale, storyId, now) : null;
      if (!entry) return { kind: 'not_found' };
      translationId = entry.translationId;
    }
    const story = await content.loadStoryView(translationId, edition, preference, now);
    if (!story) return { kind: 'not_found' };
    const canonical = storyPath(edition.locale, story.publishedAt, story.slug);
    if (!direct || canonical !== storyPath(edition.locale, new Date(Date.UTC(Number(year), Number(month) - 1, 1)), slug)) {
      return { kind: 'redirect', location: canonical };
    }
    const firstAuthor = story.authors[0];
    const moreFromAuthor = firstAuthor
      ? (await content.listStories(this.query(edition, 1, SIDEBAR, { authorId: firstAuthor.id, excludeStoryIds: [story.storyId] }))).items
      : [];
    const related = await content.relatedStories(
      story.storyId,
      this.query(edition, 1, SIDEBAR, { excludeStoryIds: moreFromAuthor.map((s) => s.storyId) }),
      SIDEBAR,
    );
    return { kind: 'found', value: { story, moreFromAuthor, related } };
  }

  async topic(edition: Edition, slug: string, page: number): Promise<Lookup<{ topic: TopicLink; stories: Page<StorySummary> }>> {
    const { content } = this.deps;
    const preference = this.localePreference(edition);
    const topic = await content.findTopicBySlug(slug, preference, preference);
    if (!topic) {
      const old = await content.findSlugRedirect('topic', preference, slug);
      const target = old ? await content.findTopicById(old.targetId, preference) : null;
      return target ? { kind: 'redirect', location: topicPath(edition.locale, target.slug) } : { kind: 'not_found' };
    }
    if (topic.slug !== slug) return { kind: 'redirect', location: topicPath(edition.locale, topic.slug) };
    const stories = await content.listStories(this.query(edition, page, PAGE_SIZE, { topicId: topic.id }));
    if (page > 1 && stories.items.length === 0) return { kind: 'not_found' };
    return { kind: 'found', value: { topic, stories } };
  }

  async section(edition: Edition, slug: string, page: number): Promise<Lookup<{ section: NamedLink; stories: Page<StorySummary> }>> {
    const { content } = this.deps;
    const preference = this.localePreference(edition);
    const section = await content.findSectionBySlug(slug, preference, preference);
    if (!section) {
      const old = await content.findSlugRedirect('section', preference, slug);
      const target = old ? await content.findSectionById(old.targetId, preference) : null;
      return target ? { kind: 'redirect', location: sectionPath(edition.locale, target.slug) } : { kind: 'not_found' };
    }
    if (section.slug !== slug) return { kind: 'redirect', location: sectionPath(edition.locale, section.slug) };
    const stories = await content.listStories(this.query(edition, page, PAGE_SIZE, { sectionId: section.id }));
    if (page > 1 && stories.items.length === 0) return { kind: 'not_found' };
    return { kind: 'found', value: { section, stories } };
  }

  async author(edition: Edition, slug: string, page: number): Promise<Lookup<{ author: AuthorView; stories: Page<StorySummary> }>> {
    const { content } = this.deps;
    const preference = this.localePreference(edition);
    const author = await content.findAuthorBySlug(slug, preference);
    if (!author) return { kind: 'not_found' };
    const stories = await content.listStories(this.query(edition, page, PAGE_SIZE, { authorId: author.id }));
    if (page > 1 && stories.items.length === 0) return { kind: 'not_found' };
    return { kind: 'found', value: { author, stories } };
  }

  sections(edition: Edition): Promise<NamedLink[]> {
    return this.deps.content.listSections(this.localePreference(edition));
  }
}
