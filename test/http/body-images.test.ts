import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { cameraJpeg, multipart } from '../support/media-samples.js';
import { API, asStaff, setUpAdmin, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

describe.each(DIALECTS)('images inside a story body (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('an uploaded library image in the body is served as a responsive <picture> with AVIF and WebP srcsets', async () => {
    const { payload, headers } = await multipart(
      { alt: 'Nets drying on the quay', caption: 'Nets on the quay', locale: 'en' },
      { bytes: await cameraJpeg(2400, 1600), filename: 'quay.jpg', type: 'image/jpeg' },
    );
    const uploaded = await site.app.inject({
      method: 'POST',
      url: `${API}/media`,
      payload,
      headers: { ...headers, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(uploaded.statusCode).toBe(201);
    const image = uploaded.json<{ id: string; path: string; width: number; height: number }>();
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The quay at dawn.' }] },
        {
          type: 'image',
          attrs: { src: image.path, alt: 'Nets drying on the quay', imageId: image.id, width: image.width, height: image.height },
        },
      ],
    };
    const story = (await asStaff(site.app, admin, 'POST', '/stories', { locale: 'en', title: 'Quay life', dek: 'Mornings', body })).json();
    expect((await asStaff(site.app, admin, 'POST', `/translations/${story.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    const page = (await site.app.inject({ method: 'GET', url: '/en/2014/07/quay-life' })).body;
    const figure = /<figure class="body-image">([\s\S]*?)<\/figure>/.exec(page)?.[1] ?? '';
    expect(figure).toMatch(/^<picture><source type="image\/avif" srcset="[^"]+ 400w, [^"]+ 800w, [^"]+ 1200w, [^"]+ 1600w" sizes="[^"]+">/);
    expect(figure).toContain('<source type="image/webp"');
    expect(figure).toContain(`<img src="${image.path}" alt="Nets drying on the quay"`);
  });
});
