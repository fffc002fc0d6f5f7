import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/clock.js';
import type { ContentWriteRepository, NewStory } from '../content-repository.js';
import { validateDocument, type StoryDocument } from '../document/index.js';
import { buildDemoDataset, PHRASE_BANKS } from './demo-dataset.js';
import { seedDemo, type DemoImageSpec } from './index.js';

const now = new Date('2025-03-10T09:00:00Z');
const dataset = buildDemoDataset({ stories: 72, seed: 42, now });
const all = dataset.stories.flatMap((s) => s.translations);
const originals = dataset.stories.map((s) => s.translations.find((t) => t.isOriginal));

describe('demo dataset', () => {
  it('has at least 60 stories, 6 sections, 25 topics and 6 authors', () => {
    expect(dataset.stories.length).toBe(72);
    expect(dataset.sections.length).toBeGreaterThanOrEqual(6);
    expect(dataset.topics.length).toBeGreaterThanOrEqual(25);
    expect(dataset.authors.length).toBeGreaterThanOrEqual(6);
    expect(new Set(dataset.topics.map((t) => t.kind))).toEqual(new Set(['place', 'person', 'organization', 'theme']));
    for (const s of dataset.sections) expect(s.names.map((n) => n.locale).sort()).toEqual(['ar', 'en', 'fa', 'tr']);
    expect(dataset.topics.some((t) => !t.names.some((n) => n.locale === 'fa'))).toBe(true);
  });

  it('has originals in en, tr and ar, exactly one per story, the original first', () => {
    for (const story of dataset.stories) {
      expect(story.translations.filter((t) => t.isOriginal)).toHaveLength(1);
      expect(story.translations[0]?.isOriginal).toBe(true);
    }
    const locales = originals.map((t) => t?.locale);
    for (const locale of ['en', 'tr', 'ar']) expect(locales.filter((l) => l === locale).length).toBeGreaterThanOrEqual(8);
  });

  it('leaves some stories untranslated and translates others with provenance', () => {
    const enWithoutTr = dataset.stories.filter(
      (s) =>
        s.translations[0]?.locale === 'en' && s.translations[0].status === 'published' && !s.translations.some((t) => t.locale === 'tr'),
    );
    expect(enWithoutTr.length).toBeGreaterThan(0);
    const translated = all.filter((t) => !t.isOriginal);
    expect(new Set(translated.map((t) => t.locale))).toEqual(new Set(['en', 'tr', 'ar']));
    for (const t of translated) {
      expect(t.provenance).not.toBe('original');
      expect(t.translatedFrom).not.toBe(t.locale);
      if (t.provenance !== 'machine') expect(t.provenanceCredit).toBeTruthy();
    }
    expect(new Set(translated.map((t) => t.provenance))).toEqual(new Set(['newsroom', 'partner', 'machine']));
  });

  it('writes every translation in its own language', () => {
    const arabic = /[\u0600-\u06ff]/;
    for (const t of all) {
      const text = `${t.title} ${t.dek} ${JSON.stringify(t.body)}`;
      expect(arabic.test(t.title)).toBe(t.locale === 'ar');
      if (t.locale === 'tr') expect(text).toMatch(/[ıİşŞğĞçÇöÖüÜ]/);
      if (t.locale === 'en') expect(text).toMatch(/\b(the|and)\b/);
    }
  });

  it('produces bodies that pass validateDocument, with the promised node types', () => {
    const types = new Set<string>();
    const visit = (node: unknown) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as { type?: string; content?: unknown[]; marks?: { type: string }[] };
      if (n.type) types.add(n.type);
      for (const m of n.marks ?? []) types.add(`mark:${m.type}`);
      for (const child of n.content ?? []) visit(child);
    };
    for (const t of all) {
      const result = validateDocument(t.body);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const blocks = (t.body as StoryDocument).content;
      const paragraphs = blocks.filter((b) => b.type === 'paragraph').length;
      expect(paragraphs).toBeGreaterThanOrEqual(5);
      expect(paragraphs).toBeLessThanOrEqual(9);
      const paywall = blocks.findIndex((b) => b.type === 'paywallBreak');
      if (paywall >= 0) expect(blocks.slice(0, paywall).filter((b) => b.type === 'paragraph')).toHaveLength(3);
      expect(t.readingMinutes).toBeGreaterThanOrEqual(1);
      visit(t.body);
    }
    for (const type of ['paywallBreak', 'heading', 'blockquote', 'pullQuote', 'bulletList', 'editorsInsert', 'mark:link']) {
      expect(types, type).toContain(type);
    }
    const withPaywall = originals.filter((t) => (t!.body as StoryDocument).content.some((b) => b.type === 'paywallBreak'));
    expect(withPaywall.length / originals.length).toBeGreaterThan(0.3);
    expect(withPaywall.length / originals.length).toBeLessThan(0.7);
  });

  it('keeps slugs unique per locale, transliterating Turkish', () => {
    const seen = new Set<string>();
    for (const t of all) {
      const key = `${t.locale}/${t.slug}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(t.slug.length).toBeGreaterThan(0);
    }
    for (const names of [dataset.topics.flatMap((t) => t.names), dataset.sections.flatMap((s) => s.names)]) {
      const keys = names.map((n) => `${n.locale}/${n.slug}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(new Set(dataset.authors.map((a) => a.slug)).size).toBe(dataset.authors.length);
    const turkish = all.filter((t) => t.locale === 'tr');
    expect(turkish.some((t) => /[ışğ]/.test(t.title))).toBe(true);
    for (const t of turkish) expect(t.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('spreads published stories over about 400 days, newest first, with scheduled stories and drafts', () => {
    const published = originals.filter((t) => t?.status === 'published').map((t) => t?.publishedAt?.getTime() ?? NaN);
    for (let i = 1; i < published.length; i++) expect(published[i]).toBeLessThan(published[i - 1] as number);
    expect(Math.max(...published)).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - Math.min(...published)).toBeGreaterThan(300 * 86_400_000);
    expect(now.getTime() - Math.min(...published)).toBeLessThanOrEqual(400 * 86_400_000);
    for (const t of all.filter((x) => x.status === 'published')) expect(t.publishedAt?.getTime()).toBeLessThanOrEqual(now.getTime());
    const scheduled = all.filter((t) => t.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    for (const t of scheduled) expect(t.publishedAt?.getTime()).toBeGreaterThan(now.getTime());
    const drafts = all.filter((t) => t.status === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const t of drafts) expect(t.publishedAt).toBeNull();
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(buildDemoDataset({ stories: 72, seed: 42, now })).toEqual(dataset);
    const other = buildDemoDataset({ stories: 72, seed: 43, now });
    expect(other.stories.map((s) => s.translations[0]?.title)).not.toEqual(dataset.stories.map((s) => s.translations[0]?.title));
  });

  it('uses phrase banks with the same number of templates in every language', () => {
    const shape = (bank: (typeof PHRASE_BANKS)['en']) =>
      Object.fromEntries(
        Object.entries(bank).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.length : typeof v === 'object' ? Object.values(v).map((x) => (x as string[]).length) : 1,
        ]),
      );
    expect(shape(PHRASE_BANKS.tr)).toEqual(shape(PHRASE_BANKS.en));
    expect(shape(PHRASE_BANKS.ar)).toEqual(shape(PHRASE_BANKS.en));
  });
});

describe('seedDemo', () => {
  it('writes images, sections, topics, authors and stories through the repository', async () => {
    const stories: NewStory[] = [];
    let ids = 0;
    const id = async () => `id-${++ids}`;
    const content = {
      createImage: id,
      createAuthor: id,
      createSection: id,
      createTopic: id,
      createStories: async (inputs: NewStory[]) => {
        stories.push(...inputs);
        return Promise.all(inputs.map(async () => ({ storyId: await id(), translationIds: [] })));
      },
      rebuildRelated: async () => undefined,
    } as unknown as ContentWriteRepository;
    const specs: DemoImageSpec[] = [];
    const images = {
      make: async (spec: DemoImageSpec) => {
        specs.push(spec);
        return { path: `/media/demo-${spec.key}.webp`, width: spec.width, height: spec.height, mime: 'image/webp' };
      },
    };
    const editions = [{ locale: 'en', includes: ['tr', 'ar'], siteName: 'Demo' }];
    const result = await seedDemo({ content, images, editions, clock: fixedClock(now) }, { stories: 72, seed: 42 });
    expect(result).toEqual({ stories: 72, authors: 8, topics: dataset.topics.length, sections: 6, images: 32 });
    expect(specs.filter((s) => s.width === 1200 && s.height === 675)).toHaveLength(24);
    expect(specs.filter((s) => s.width === 256 && s.height === 256)).toHaveLength(8);
    expect(stories.map((s) => s.translations)).toEqual(dataset.stories.map((s) => s.translations));
    for (const s of stories) {
      expect(s.sectionId).toMatch(/^id-/);
      expect(s.authorIds.length).toBeGreaterThan(0);
      expect(s.topicIds.length).toBeGreaterThanOrEqual(2);
    }
  });
});
