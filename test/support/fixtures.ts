import type { ContentWriteRepository, NewTranslation } from '../../src/modules/content/index.js';
import { readingMinutes, type StoryDocument } from '../../src/modules/content/document/index.js';
import type { Edition } from '../../src/modules/editions/index.js';

/** A small, hand-written newsroom: enough to see every rule of the reader site at work. */
export const T0 = new Date('2014-07-02T09:30:00.000Z');
export const NOW = new Date('2014-07-10T12:00:00.000Z');
export const EMBARGO = new Date('2014-07-12T06:00:00.000Z');

export function paragraphs(...texts: string[]): StoryDocument {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function translation(
  locale: string,
  title: string,
  slug: string,
  body: StoryDocument,
  extra: Partial<NewTranslation> = {},
): NewTranslation {
  return {
    locale,
    title,
    dek: `${title} (dek)`,
    body,
    slug,
    status: 'published',
    publishedAt: T0,
    isOriginal: true,
    translatedFrom: null,
    provenance: 'original',
    provenanceCredit: null,
    readingMinutes: readingMinutes(body),
    ...extra,
  };
}

export interface Fixture {
  sectionId: string;
  topicId: string;
  authorId: string;
  /** en original with a Turkish translation. */
  translated: { storyId: string; en: string; tr: string };
  /** en original, deliberately not translated. */
  untranslated: { storyId: string; en: string };
  /** ar original. */
  arabic: { storyId: string; ar: string };
  scheduled: { storyId: string };
  draft: { storyId: string };
}

export async function seedFixture(content: ContentWriteRepository, editions: readonly Edition[]): Promise<Fixture> {
  const at = T0;
  const imageId = await content.createImage(
    {
      path: '/media/fixture-lead.webp',
      width: 1200,
      height: 675,
      mime: 'image/webp',
      creditAgency: 'Anka Wire',
      creditPhotographer: 'Deniz Aksoy',
      texts: [
        { locale: 'en', alt: 'Fishing boats in the harbour at dawn', caption: 'Boats return to the harbour.' },
        { locale: 'tr', alt: 'Şafakta limandaki balıkçı tekneleri', caption: 'Tekneler limana dönüyor.' },
      ],
    },
    at,
  );
  const sectionId = await content.createSection(
    [
      { locale: 'en', name: 'Economy', slug: 'economy' },
      { locale: 'tr', name: 'Ekonomi', slug: 'ekonomi' },
      { locale: 'ar', name: 'اقتصاد', slug: 'اقتصاد' },
    ],
    1,
    at,
  );
  const topicId = await content.createTopic(
    'place',
    [
      { locale: 'en', name: 'Aegean coast', slug: 'aegean-coast' },
      { locale: 'tr', name: 'Ege kıyısı', slug: 'ege-kiyisi' },
    ],
    at,
  );
  const authorId = await content.createAuthor(
    { slug: 'selin-arslan', name: 'Selin Arslan', bios: [{ locale: 'en', bio: 'Economy correspondent.' }] },
    at,
  );
  const base = { sectionId, leadImageId: imageId, authorIds: [authorId], topicIds: [topicId] };

  const translated = await content.createStory(
    {
      ...base,
      translations: [
        translation(
          'en',
          'Harbour fish prices climb',
          'harbour-fish-prices-climb',
          paragraphs('Prices at the harbour rose again.', 'Second paragraph.'),
        ),
        translation(
          'tr',
          'Limanda balık fiyatları yükseliyor',
          'limanda-balik-fiyatlari-yukseliyor',
          paragraphs('Limanda fiyatlar yine arttı.'),
          {
            isOriginal: false,
            translatedFrom: 'en',
            provenance: 'newsroom',
            provenanceCredit: 'Ayşe Demir',
            publishedAt: new Date(T0.getTime() + 3_600_000),
          },
        ),
      ],
    },
    editions,
    at,
  );
  const untranslated = await content.createStory(
    {
      ...base,
      translations: [
        translation(
          'en',
          'Olive harvest starts early',
          'olive-harvest-starts-early',
          paragraphs('Growers began picking two weeks early.'),
          {
            publishedAt: new Date(T0.getTime() - 86_400_000),
          },
        ),
      ],
    },
    editions,
    at,
  );
  const arabic = await content.createStory(
    {
      ...base,
      authorIds: [],
      translations: [translation('ar', 'افتتاح سوق جديدة في المدينة', 'افتتاح-سوق-جديدة', paragraphs('افتُتحت السوق صباح اليوم.'))],
    },
    editions,
    at,
  );
  const scheduled = await content.createStory(
    {
      ...base,
      translations: [
        translation('en', 'Embargoed budget figures', 'embargoed-budget-figures', paragraphs('Not before its time.'), {
          status: 'published',
          publishedAt: EMBARGO,
        }),
      ],
    },
    editions,
    at,
  );
  const draft = await content.createStory(
    {
      ...base,
      translations: [
        translation('en', 'Unfinished draft', 'unfinished-draft', paragraphs('Draft text.'), { status: 'draft', publishedAt: null }),
      ],
    },
    editions,
    at,
  );
  return {
    sectionId,
    topicId,
    authorId,
    translated: { storyId: translated.storyId, en: translated.translationIds[0] as string, tr: translated.translationIds[1] as string },
    untranslated: { storyId: untranslated.storyId, en: untranslated.translationIds[0] as string },
    arabic: { storyId: arabic.storyId, ar: arabic.translationIds[0] as string },
    scheduled: { storyId: scheduled.storyId },
    draft: { storyId: draft.storyId },
  };
}
