import { describe, expect, it } from 'vitest';
import type { Translation } from '../../api/types';
import { fieldsOf, inputOf, saveInputOf, snapshotOf } from './draft-fields';

/** The server's answer (its TranslationRecord): story-wide settings under `story`. */
const base: Translation = {
  id: 't1',
  storyId: 's1',
  locale: 'en',
  version: 3,
  status: 'draft',
  title: 'Harbour',
  dek: 'Prices',
  body: { type: 'doc', content: [] },
  slug: 'harbour',
  seoTitle: null,
  seoDescription: 'Old description',
  publishedAt: null,
  updatedAt: '2014-07-10T12:00:00.000Z',
  createdAt: '2014-07-10T12:00:00.000Z',
  isOriginal: true,
  translatedFrom: null,
  provenance: 'original',
  provenanceCredit: null,
  createdBy: 'w1',
  syncedSourceVersion: null,
  story: {
    sectionId: 'sec1',
    leadImageId: null,
    accessLevel: 'metered',
    createdBy: 'w1',
    authorIds: [],
    topicIds: ['top1'],
    originalLocale: 'en',
    version: 7,
  },
  siblings: [{ id: 't1', locale: 'en', status: 'draft', version: 3, isOriginal: true, publishedAt: null }],
};

describe('the input sent for a translation', () => {
  it('carries the text and the story settings it was shown, and no slug while a draft nobody renamed', () => {
    expect(inputOf(fieldsOf(base), base)).toEqual({
      title: 'Harbour',
      dek: 'Prices',
      body: { type: 'doc', content: [] },
      accessLevel: 'metered',
      sectionId: 'sec1',
      topicIds: ['top1'],
      authorIds: [],
      seoDescription: 'Old description',
    });
  });

  it('reads the story-wide settings from `story`', () => {
    const other: Translation = {
      ...base,
      story: { ...base.story, sectionId: 'sec2', topicIds: [], authorIds: ['a1'], accessLevel: 'paid' },
    };
    expect(fieldsOf(other)).toMatchObject({ sectionId: 'sec2', topicIds: [], authorIds: ['a1'], accessLevel: 'paid' });
  });

  it('sends a slug someone typed, and keeps the slug of a story that has been public', () => {
    expect(inputOf({ ...fieldsOf(base), slugEdit: ' my-slug ' }, base).slug).toBe('my-slug');
    const published: Translation = { ...base, status: 'published', publishedAt: '2014-07-10T12:00:00.000Z' };
    expect(inputOf(fieldsOf(published), published).slug).toBe('harbour');
  });

  it('sends removals for cleared values, and nothing for values never set', () => {
    const input = inputOf({ ...fieldsOf(base), sectionId: '', seoDescription: ' ' }, base);
    expect(input.sectionId).toBeNull();
    expect(input.seoDescription).toBe('');
    expect(input).not.toHaveProperty('leadImageId');
    expect(input).not.toHaveProperty('seoTitle');
  });

  it('sends the story-wide lists back as the server showed them until someone changes them, so a save cannot erase them', () => {
    const shown: Translation = { ...base, story: { ...base.story, sectionId: null, topicIds: ['top1', 'top2'], authorIds: ['a2'] } };
    const input = inputOf(fieldsOf(shown), shown);
    expect(input).toMatchObject({ topicIds: ['top1', 'top2'], authorIds: ['a2'] });
    expect(input).not.toHaveProperty('sectionId');
    expect(inputOf({ ...fieldsOf(shown), authorIds: ['a1'] }, shown).authorIds).toEqual(['a1']);
  });

  it('never sends story-wide settings from a translation: its save carries the text alone', () => {
    const translation: Translation = { ...base, isOriginal: false, locale: 'tr' };
    const fields = { ...fieldsOf(translation), accessLevel: 'public' as const, sectionId: 'sec2', authorIds: ['a1'], leadImageId: 'img1' };
    const input = inputOf(fields, translation);
    for (const key of ['accessLevel', 'sectionId', 'leadImageId', 'authorIds', 'topicIds']) expect(input).not.toHaveProperty(key);
    expect(input).toMatchObject({ title: 'Harbour', dek: 'Prices' });
  });

  it("names the versions a save was based on: the text's, and the story settings' when it carries them", () => {
    expect(saveInputOf(fieldsOf(base), base, true)).toMatchObject({ version: 3, storyVersion: 7, autosave: true, accessLevel: 'metered' });
    expect(saveInputOf(fieldsOf(base), base, false)).not.toHaveProperty('autosave');
    const translation: Translation = { ...base, isOriginal: false, locale: 'tr' };
    const input = saveInputOf(fieldsOf(translation), translation, true);
    expect(input).toMatchObject({ version: 3 });
    expect(input).not.toHaveProperty('storyVersion');
  });

  it('the same fields give the same snapshot; any edit changes it', () => {
    const fields = fieldsOf(base);
    expect(snapshotOf({ ...fields }, base)).toBe(snapshotOf(fields, base));
    expect(snapshotOf({ ...fields, dek: 'Prices rise' }, base)).not.toBe(snapshotOf(fields, base));
  });
});
