import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/adapters/http/plugins/security-headers.js';
import { DIALECTS } from '../support/databases.js';
import { paragraphs } from '../support/fixtures.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

describe.each(DIALECTS)('platform behaviour (%s)', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(dialect);
  });
  afterAll(async () => {
    await site?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

  it('reports health and readiness as JSON', async () => {
    const health = await get('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('sets security headers with a CSP that allows no inline script', async () => {
    const res = await get('/en/');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  it('serves the fingerprinted stylesheet as immutable and 404s any other asset name', async () => {
    const page = (await get('/en/')).body;
    const href = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{12}\.css)">/.exec(page)?.[1];
    expect(href).toBeDefined();
    const css = await get(href as string);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('margin-inline');
    expect((await get('/assets/site.000000000000.css')).statusCode).toBe(404);
    expect((await get('/media/..%2f..%2fetc%2fpasswd')).statusCode).toBe(404);
  });

  it('escapes text from the content everywhere it appears', async () => {
    const evil = '<script>alert("x")</script> & "quotes"';
    await site.services.contentWrite.createStory(
      {
        sectionId: site.fixture.sectionId,
        leadImageId: null,
        authorIds: [site.fixture.authorId],
        topicIds: [],
        translations: [
          {
            locale: 'en',
            title: evil,
            dek: evil,
            body: paragraphs(evil),
            slug: 'escaping-check',
            status: 'published',
            publishedAt: new Date('2014-07-03T00:00:00Z'),
            isOriginal: true,
            translatedFrom: null,
            provenance: 'original',
            provenanceCredit: null,
            readingMinutes: 1,
          },
        ],
      },
      site.services.editions.list,
      site.clock.now(),
    );
    for (const url of ['/en/2014/07/escaping-check', '/en/']) {
      const body = (await get(url)).body;
      expect(body).not.toContain('<script>alert');
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    }
  });

  it('shows a localized 500 page with a request id, and no stack trace, when the database fails', async () => {
    const broken = await startTestSite(dialect);
    try {
      await broken.services.database.close();
      const res = await broken.app.inject({ method: 'GET', url: '/tr/2014/07/limanda-balik-fiyatlari-yukseliyor' });
      expect(res.statusCode).toBe(500);
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).toContain('Bir sorun oluştu');
      expect(res.body).toContain(id);
      expect(res.body).not.toMatch(/at \w+ \(|Error:|node_modules/);
      const ready = await broken.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.code).toBe('database_unreachable');
    } finally {
      await broken.app.close();
      await broken.database.drop();
    }
  });
});
