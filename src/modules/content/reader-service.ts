import type { Clock } from '../../shared/clock.js';
import type { Edition, Editions } from '../editions/index.js';
import type { AuthorView, ContentReadRepository, ListQuery } from './content-repository.js';
import type { NamedLink, Page, StorySummary, StoryView, TopicLink } from './content-types.js';
import { authorPath, sectionPath, storyPath, topicPath } from './story-paths.js';

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
 * How deep a listing pages: the latest MAX_LISTING_PAGES pages of PAGE_SIZE stories. Counting
 * stops there too, so a listing costs the same whatever the archive holds (a page number is an
 * index offset: deeper pages would cost in proportion). Older stories stay reachable from their
 * section, topic and author listings and from every story's sidebars.
 */
export const MAX_LISTING_PAGES = 50;
const COUNT_CAP = MAX_LISTING_PAGES * PAGE_SIZE + 1;

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
    return {
      edition,
      now: this.deps.clock.now(),
      page,
      pageSize,
      countCap: COUNT_CAP,
      localePreference: this.localePreference(edition),
      ...extra,
    };
  }

  /** A listing page, or null past the deepest page a listing has. */
  private async listing(edition: Edition, page: number, extra: Partial<ListQuery> = {}): Promise<Page<StorySummary> | null> {
    if (page > MAX_LISTING_PAGES) return null;
    const stories = await this.deps.content.listStories(this.query(edition, page, PAGE_SIZE, extra));
    return page > 1 && stories.items.length === 0 ? null : stories;
  }

  async home(edition: Edition, page: number): Promise<HomePage | null> {
    const { content } = this.deps;
    if (page > 1) {
      const latest = await this.listing(edition, page);
      return latest ? { lead: null, latest, sections: [] } : null;
    }
    const preference = this.localePreference(edition);
    const now = this.deps.clock.now();
    const sectionList = await content.listSections(preference);
    const shownCount = HOME_LATEST + 1;
    // One statement for the latest stories and every section's block; a block leaves out stories
    // the latest already shows, so it asks for that many more.
    const [total, [first = [], ...blocks]] = await Promise.all([
      content.countStories(this.query(edition, 1, HOME_LATEST)),
      content.listBlocks(edition, now, preference, [
        { limit: shownCount },
        ...sectionList.map((section) => ({ sectionId: section.id, limit: SECTION_BLOCK + shownCount })),
      ]),
    ]);
    const shown = new Set(first.map((s) => s.storyId));
    const [lead, ...rest] = first;
    return {
      lead: lead ?? null,
      latest: { items: rest, total: total.total, capped: total.capped, page: 1, pageSize: HOME_LATEST },
      sections: sectionList
        .map((section, i) => ({ section, stories: (blocks[i] ?? []).filter((s) => !shown.has(s.storyId)).slice(0, SECTION_BLOCK) }))
        .filter((b) => b.stories.length > 0),
    };
  }

  async story(edition: Edition, year: string, month: string, slug: string): Promise<Lookup<StoryPage>> {
    const { content, editions } = this.deps;
    const now = this.deps.clock.now();
    const locales = [...new Set([...editions.contentLocales(edition), ...editions.locales])];
    const head = await content.findStoryBySlug(edition.locale, slug, locales, now);
    if (!head) {
      const moved = await content.findStoryByOldSlug(edition.locale, slug, locales, now);
      return moved ? { kind: 'redirect', location: storyPath(edition.locale, moved.publishedAt, moved.slug) } : { kind: 'not_found' };
    }
    const canonical = storyPath(edition.locale, head.publishedAt, head.slug);
    if (!head.direct || canonical !== storyPath(edition.locale, new Date(Date.UTC(Number(year), Number(month) - 1, 1)), slug)) {
      return { kind: 'redirect', location: canonical };
    }
    const page = await content.loadStoryPage(head, edition, this.localePreference(edition), now, SIDEBAR);
    return { kind: 'found', value: page };
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
    const stories = await this.listing(edition, page, { topicId: topic.id });
    if (!stories) return { kind: 'not_found' };
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
    const stories = await this.listing(edition, page, { sectionId: section.id });
    if (!stories) return { kind: 'not_found' };
    return { kind: 'found', value: { section, stories } };
  }

  async author(edition: Edition, slug: string, page: number): Promise<Lookup<{ author: AuthorView; stories: Page<StorySummary> }>> {
    const { content } = this.deps;
    const preference = this.localePreference(edition);
    const author = await content.findAuthorBySlug(slug, preference);
    if (!author) {
      // A renamed author's old slug answers with a 301, as a topic's or a section's does.
      const old = await content.findSlugRedirect('author', preference, slug);
      const target = old ? await content.findAuthorById(old.targetId, preference) : null;
      return target ? { kind: 'redirect', location: authorPath(edition.locale, target.slug) } : { kind: 'not_found' };
    }
    const stories = await this.listing(edition, page, { authorId: author.id });
    if (!stories) return { kind: 'not_found' };
    return { kind: 'found', value: { author, stories } };
  }

  sections(edition: Edition): Promise<NamedLink[]> {
    return this.deps.content.listSections(this.localePreference(edition));
  }
}
