/**
 * Deterministic demo content for a fictional regional newsroom: for a seed and a `now`, always the
 * same sections, topics, authors, images and stories. Stories are originals in English, Turkish or
 * Arabic (about 50/25/25); some are translated, many deliberately are not. See README.md.
 */
import type { NewTranslation } from '../content-repository.js';
import type { Provenance, StoryStatus } from '../content-types.js';
import { readingMinutes } from '../document/index.js';
import { composeStory, makePlan, slotsFor, type StoryCast, type StoryPlan } from './demo-body.js';
import { demoCatalog, topicIndex, type DemoCatalog } from './demo-catalog.js';
import type { PhraseBank } from './demo-phrases.js';
import { PHRASES_AR } from './demo-phrases-ar.js';
import { PHRASES_EN } from './demo-phrases-en.js';
import { PHRASES_TR } from './demo-phrases-tr.js';
import { Rng } from './demo-random.js';
import { SlugRegistry } from './demo-slugs.js';
import { AUTHORS, PARTNER_OUTLETS, TRANSLATORS } from './demo-staff.js';
import { PEOPLE, THEMES } from './demo-themes-people.js';
import { ORGANIZATIONS, PLACES, SECTIONS, type SectionKey, type StoryLocale } from './demo-world.js';

export const DEFAULT_DEMO_SEED = 1871;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Published stories reach back this far before `now`. */
const SPAN_MS = 400 * DAY;

export const PHRASE_BANKS: Readonly<Record<StoryLocale, PhraseBank>> = { en: PHRASES_EN, tr: PHRASES_TR, ar: PHRASES_AR };

export interface DemoStory {
  /** Index into `sections`. */
  section: number;
  /** Index into `leadImages`. */
  leadImage: number | null;
  /** Indexes into `authors`. */
  authors: number[];
  /** Indexes into `topics`. */
  topics: number[];
  /** The original first. */
  translations: NewTranslation[];
}

export interface DemoDatasetOptions {
  stories: number;
  seed?: number;
  now: Date;
}

export interface DemoDataset extends DemoCatalog {
  stories: DemoStory[];
}

export function buildDemoDataset(options: DemoDatasetOptions): DemoDataset {
  const catalog = demoCatalog();
  return { ...catalog, stories: Array.from(demoStories(catalog, options)) };
}

/** How many stories of `total` are scheduled (future) and drafts; the rest are published. */
export function demoStatusCounts(total: number): { scheduled: number; drafts: number; published: number } {
  const scheduled = total >= 10 ? 2 : 0;
  const drafts = total >= 40 ? 2 : total >= 10 ? 1 : 0;
  return { scheduled, drafts, published: Math.max(0, total - scheduled - drafts) };
}

const forSection = <T extends { sections: readonly SectionKey[] }>(items: readonly T[], section: SectionKey): T[] => {
  const matching = items.filter((x) => x.sections.includes(section));
  return matching.length > 0 ? matching : [...items];
};

/** The stories, generated one at a time: scheduled first, then published newest first, then drafts. */
export function* demoStories(catalog: DemoCatalog, options: DemoDatasetOptions): Generator<DemoStory> {
  const rng = new Rng(options.seed ?? DEFAULT_DEMO_SEED);
  const now = options.now.getTime();
  const slugs = new SlugRegistry('story');
  const { scheduled, published } = demoStatusCounts(options.stories);

  for (let i = 0; i < options.stories; i++) {
    const status: StoryStatus = i < scheduled ? 'scheduled' : i < scheduled + published ? 'published' : 'draft';
    let at: number | null = null;
    if (status === 'scheduled') at = now + (i + 1) * 36 * HOUR + rng.int(0, 5) * HOUR;
    if (status === 'published') {
      // Denser towards the present: hours apart at the top of the front page, days apart a year ago.
      const position = (i - scheduled + 0.3 + 0.4 * rng.next()) / published;
      at = now - Math.round(SPAN_MS * position ** 1.6);
    }
    const roll = rng.next();
    const original: StoryLocale = roll < 0.5 ? 'en' : roll < 0.75 ? 'tr' : 'ar';
    const sectionIndex = rng.int(0, SECTIONS.length - 1);
    const section = (SECTIONS[sectionIndex] as (typeof SECTIONS)[number]).key;
    const cast: StoryCast = {
      place: rng.pick(PLACES),
      theme: rng.pick(section === 'opinion' ? THEMES : forSection(THEMES, section)),
      org: rng.pick(forSection(ORGANIZATIONS, section)),
      person: rng.pick(forSection(PEOPLE, section)),
    };
    const plan = makePlan(rng, PHRASE_BANKS[original], section);

    const topics = [topicIndex.place(PLACES.indexOf(cast.place)), topicIndex.theme(THEMES.indexOf(cast.theme))];
    if (rng.chance(0.5)) topics.push(topicIndex.person(PEOPLE.indexOf(cast.person)));
    if (rng.chance(0.4)) topics.push(topicIndex.organization(ORGANIZATIONS.indexOf(cast.org)));

    const images = catalog.leadImages.flatMap((img, index) => (img.section === section ? [index] : []));
    const leadImage = images.length > 0 && rng.chance(0.92) ? rng.pick(images) : null;

    const make = (locale: StoryLocale, publishedAt: number | null, provenance: Provenance, credit: string | null) =>
      translation(locale, original, section, cast, plan, slugs, status, publishedAt, provenance, credit);
    const translations = [make(original, at, 'original', null)];
    if (status === 'published' && at !== null) {
      const later = () => at + Math.min(rng.int(1, 30) * HOUR, Math.max(60_000, Math.floor((now - at) / 2)));
      if (original === 'en') {
        if (rng.chance(0.4)) translations.push(make('tr', later(), 'newsroom', rng.pick(TRANSLATORS.tr)));
        if (rng.chance(0.25)) {
          const partner = rng.chance(0.5);
          translations.push(make('ar', later(), partner ? 'partner' : 'machine', partner ? rng.pick(PARTNER_OUTLETS) : null));
        }
      } else if (rng.chance(0.35)) {
        translations.push(make('en', later(), 'newsroom', rng.pick(TRANSLATORS.en)));
      }
    }
    yield { section: sectionIndex, leadImage, authors: pickAuthors(rng, original, section), topics, translations };
  }
}

function pickAuthors(rng: Rng, locale: StoryLocale, section: SectionKey): number[] {
  const writers = AUTHORS.flatMap((a, i) => (a.writes.includes(locale) ? [i] : []));
  const specialists = writers.filter((i) => AUTHORS[i]?.sections.includes(section));
  const first = rng.pick(specialists.length > 0 && rng.chance(0.8) ? specialists : writers);
  const others = writers.filter((i) => i !== first);
  return others.length > 0 && rng.chance(0.2) ? [first, rng.pick(others)] : [first];
}

function translation(
  locale: StoryLocale,
  original: StoryLocale,
  section: SectionKey,
  cast: StoryCast,
  plan: StoryPlan,
  slugs: SlugRegistry,
  status: StoryStatus,
  publishedAt: number | null,
  provenance: Provenance,
  credit: string | null,
): NewTranslation {
  const { title, dek, body } = composeStory(PHRASE_BANKS[locale], section, slotsFor(locale, cast, plan), plan);
  // Bodies are composed from fixed templates; demo-dataset.test.ts checks that they all validate.
  return {
    locale,
    title,
    dek,
    body,
    slug: slugs.take(title, locale),
    status,
    publishedAt: publishedAt === null ? null : new Date(publishedAt),
    isOriginal: locale === original,
    translatedFrom: locale === original ? null : original,
    provenance,
    provenanceCredit: credit,
    readingMinutes: readingMinutes(body),
  };
}
