import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { T0 } from '../support/fixtures.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/**
 * Related stories are computed when a story is written and stored (never on a reader request):
 * stories of the same topics published up to it, most shared topics first, then the most recent.
 */
describe.each(DIALECTS)('stored related stories (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(dialect);
  });
  afterAll(async () => {
    await site?.close();
  });
  const related = async (url: string) => {
    const body = (await site.app.inject({ url })).body;
    const section = /<h2>Related stories<\/h2>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';
    return [...section.matchAll(/class="card__title"><a href="([^"]+)"/g)].map((m) => m[1]);
  };

  it('a story written now lists the earlier stories of its topics, most recent first', async () => {
    // The fixture's stories share one author: each other's "more from", so never each other's related.
    expect(await related('/en/2014/07/harbour-fish-prices-climb')).toEqual([]);

    const { contentWrite, editions } = site.services;
    const secondTopic = await contentWrite.createTopic('theme', [{ locale: 'en', name: 'Fisheries', slug: 'fisheries' }], T0);
    const [olive] = await site.services.database.db.selectFrom('story_topics').select('topic_id').limit(1).execute();
    await contentWrite.createStory(
      {
        sectionId: null,
        leadImageId: null,
        authorIds: [],
        topicIds: [olive?.topic_id as string, secondTopic],
        translations: [
          {
            locale: 'en',
            title: 'Net menders keep the harbour working',
            dek: 'Dek.',
            body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] },
            slug: 'net-menders-keep-the-harbour-working',
            status: 'published',
            publishedAt: new Date(T0.getTime() + 7_200_000),
            isOriginal: true,
            translatedFrom: null,
            provenance: 'original',
            provenanceCredit: null,
            readingMinutes: 1,
          },
        ],
      },
      editions.list,
      T0,
    );
    // Written now, so its related stories are computed now: the two earlier stories of its topic.
    expect(await related('/en/2014/07/net-menders-keep-the-harbour-working')).toEqual([
      '/en/2014/07/harbour-fish-prices-climb',
      '/en/2014/07/olive-harvest-starts-early',
    ]);
  });
});
