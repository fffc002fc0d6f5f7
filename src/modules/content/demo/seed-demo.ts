/** Writes the demo dataset through the content repository (see README.md for what it contains). */
import type { Clock } from '../../../shared/clock.js';
import type { Edition } from '../../editions/index.js';
import type { ContentWriteRepository, NewStory } from '../content-repository.js';
import type { AccessLevel } from '../content-types.js';
import { demoCatalog } from './demo-catalog.js';
import { demoStories } from './demo-dataset.js';

/**
 * How the demo newsroom gates its stories, newest first: the lead story is free, and among every
 * ten stories four are metered, two for subscribers, one for registered readers, three free.
 */
const DEMO_ACCESS_PATTERN: readonly AccessLevel[] = [
  'public',
  'metered',
  'paid',
  'metered',
  'public',
  'registered',
  'metered',
  'paid',
  'public',
  'metered',
];
import type { DemoImageDef } from './demo-images.js';

export const DEFAULT_DEMO_STORIES = 72;

export interface DemoImageSpec {
  /** Stable name of the image in the pool ("lead-3", "avatar-0"). */
  key: string;
  width: number;
  height: number;
  /** Base colour, 0–360. */
  hue: number;
  /** What the image stands for; makers may ignore it. */
  label: string;
  /** Varies the drawing between images of the same hue. */
  variant: number;
}

export interface DemoImageFile {
  /** URL path, e.g. `/media/demo-0123456789abcdef.webp`. */
  path: string;
  width: number;
  height: number;
  mime: string;
}

/** Port: draws a placeholder image for the demo and stores it where the site serves media from. */
export interface DemoImageMaker {
  make(spec: DemoImageSpec): Promise<DemoImageFile>;
}

export interface SeedDemoDeps {
  content: ContentWriteRepository;
  images: DemoImageMaker;
  editions: readonly Edition[];
  clock: Clock;
}

export interface SeedDemoOptions {
  stories: number;
  seed?: number;
  /** Told as work completes: stories written, then related stories computed. */
  onProgress?: (phase: SeedPhase, done: number, total: number) => void;
}

export type SeedPhase = 'stories' | 'related';

/** Stories written per transaction: large enough to amortise the commit, small enough to stay in memory. */
const SEED_BATCH = 500;

export interface SeedDemoResult {
  stories: number;
  authors: number;
  topics: number;
  sections: number;
  images: number;
}

/**
 * Seeds the demo content into an empty content store. Slugs are unique within the dataset, so
 * seeding twice into the same database fails on the slug constraints.
 */
export async function seedDemo(deps: SeedDemoDeps, options: SeedDemoOptions): Promise<SeedDemoResult> {
  if (!Number.isInteger(options.stories) || options.stories < 0) throw new Error('stories must be a non-negative integer');
  const { content, editions } = deps;
  const now = deps.clock.now();
  const catalog = demoCatalog();

  const imageDefs = [...catalog.leadImages, ...catalog.avatars];
  const files = await Promise.all(imageDefs.map((def) => deps.images.make(def.spec)));
  const imageIds: string[] = [];
  for (const [i, def] of imageDefs.entries()) imageIds.push(await content.createImage(newImage(def, files[i] as DemoImageFile), now));
  const leadImageIds = imageIds.slice(0, catalog.leadImages.length);
  const avatarIds = imageIds.slice(catalog.leadImages.length);

  const sectionIds: string[] = [];
  for (const s of catalog.sections) sectionIds.push(await content.createSection(s.names, s.position, now));
  const topicIds: string[] = [];
  for (const t of catalog.topics) topicIds.push(await content.createTopic(t.kind, t.names, now));
  const authorIds: string[] = [];
  for (const a of catalog.authors) {
    authorIds.push(
      await content.createAuthor({ slug: a.slug, name: a.name, avatarImageId: avatarIds[a.avatar] ?? null, bios: a.bios }, now),
    );
  }

  let stories = 0;
  const at = (ids: string[], i: number) => {
    const id = ids[i];
    if (id === undefined) throw new Error(`demo dataset refers to a missing item ${i}`);
    return id;
  };
  let published = 0;
  let batch: NewStory[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    // Related stories name older stories, which later batches write: computed once at the end.
    await content.createStories(batch, editions, now, { related: false });
    stories += batch.length;
    batch = [];
    options.onProgress?.('stories', stories, options.stories);
  };
  for (const story of demoStories(catalog, { stories: options.stories, seed: options.seed, now })) {
    const isPublished = story.translations.some((t) => t.status === 'published');
    batch.push({
      accessLevel: isPublished ? (DEMO_ACCESS_PATTERN[published++ % DEMO_ACCESS_PATTERN.length] as AccessLevel) : 'metered',
      sectionId: at(sectionIds, story.section),
      leadImageId: story.leadImage === null ? null : at(leadImageIds, story.leadImage),
      authorIds: story.authors.map((i) => at(authorIds, i)),
      topicIds: story.topics.map((i) => at(topicIds, i)),
      translations: story.translations,
    });
    if (batch.length >= SEED_BATCH) await flush();
  }
  await flush();
  await content.rebuildRelated((done, total) => options.onProgress?.('related', done, total));
  return { stories, authors: authorIds.length, topics: topicIds.length, sections: sectionIds.length, images: imageIds.length };
}

function newImage(def: DemoImageDef, file: DemoImageFile) {
  return {
    path: file.path,
    width: file.width,
    height: file.height,
    mime: file.mime,
    creditAgency: def.creditAgency,
    creditPhotographer: def.creditPhotographer,
    texts: def.texts,
  };
}
