import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW, paragraphs } from '../support/fixtures.js';
import { bombPng, cameraJpeg, hasGpsPointer, multipart, transparentPng } from '../support/media-samples.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

const URL = '/admin/api/v1/media';
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Rendition {
  format: string;
  width: number;
  height: number;
  path: string;
  bytes: number;
}
interface Image {
  id: string;
  path: string;
  width: number;
  height: number;
  mime: string;
  renditions: Rendition[];
  texts: { locale: string; alt: string; caption: string | null }[];
}

describe.each(DIALECTS)('media upload (%s)', (dialect) => {
  let site: TestSite;
  let mediaDir: string;
  /** A contributor, signed in through the admin API like the admin app does: cookie and CSRF token. */
  let staff: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    // One image processed at a time (the default is half the cores), two uploads in progress per account.
    site = await startTestSite(dialect, { IMAGE_WORKERS: '1' });
    mediaDir = join(site.database.dataDir, 'media');
    const post = (path: string, body: object, headers: Record<string, string> = {}) =>
      site.app.inject({ method: 'POST', url: `/admin/api/v1${path}`, payload: body, headers });
    const signedIn = (res: Awaited<ReturnType<typeof post>>) => {
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const cookie = cookies.find((c) => c.startsWith('mh_staff='))?.split(';')[0] as string;
      return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
    };
    const admin = await post('/setup', { email: 'admin@example.org', name: 'Admin', password: 'correct horse battery staple' });
    expect(admin.statusCode).toBe(201);
    const contributor = { email: 'deniz@example.org', name: 'Deniz Aksoy', role: 'contributor', password: 'photographs at dawn 42' };
    expect((await post('/staff', contributor, signedIn(admin))).statusCode).toBe(201);
    const session = await post('/session', { email: contributor.email, password: contributor.password });
    expect(session.statusCode).toBe(200);
    staff = signedIn(session);
  });
  afterAll(async () => {
    await site?.close();
  });

  const upload = async (
    fields: Record<string, string>,
    file?: { bytes: Buffer; filename: string; type: string },
    as: Record<string, string> = staff,
  ) => {
    const { payload, headers } = await multipart(fields, file);
    return site.app.inject({ method: 'POST', url: URL, payload, headers: { ...headers, ...as } });
  };
  const get = (url: string) => site.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  const countRows = async (table: 'images' | 'image_texts' | 'image_renditions' | 'image_search') =>
    Number(
      (
        await site.services.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Files on disk (temp files included) and rows of every media table. */
  const snapshot = async () => ({
    files: (await readdir(mediaDir)).sort(),
    images: await countRows('images'),
    texts: await countRows('image_texts'),
    renditions: await countRows('image_renditions'),
    search: await countRows('image_search'),
  });
  const fileOf = (path: string) => join(mediaDir, path.replace(/^\/media\//, ''));
  const widths = (image: Image, format: string) =>
    image.renditions
      .filter((r) => r.format === format)
      .map((r) => r.width)
      .sort((a, b) => a - b);

  it('requires a signed-in staff member, and the CSRF token for an upload', async () => {
    const before = await snapshot();
    const file = { bytes: await transparentPng(20, 20), filename: 'a.png', type: 'image/png' };
    const anonymous = await upload({ locale: 'en', alt: 'A' }, file, {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    const noCsrf = await upload({ locale: 'en', alt: 'A' }, file, { cookie: staff.cookie });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.details.reason).toBe('csrf');
    expect((await site.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('takes a camera JPEG: orientation applied, AVIF and WebP at each smaller width, no EXIF or GPS in any file', async () => {
    const jpeg = await cameraJpeg(2400, 1800);
    const input = await sharp(jpeg).metadata();
    expect(input.orientation).toBe(6);
    expect(hasGpsPointer(input.exif as Buffer)).toBe(true);

    const res = await upload(
      { locale: 'en', alt: 'A harbour crane', caption: 'Cranes at dawn', creditAgency: 'Anka Wire' },
      { bytes: jpeg, filename: 'IMG_0001.JPG', type: 'image/jpeg' },
    );
    expect(res.statusCode).toBe(201);
    const image = res.json<Image>();
    expect(image).toMatchObject({
      width: 1800,
      height: 2400,
      mime: 'image/jpeg',
      texts: [{ locale: 'en', alt: 'A harbour crane', caption: 'Cranes at dawn' }],
    });
    expect(image.path).toMatch(/^\/media\/[a-f0-9]{20}-1800\.jpg$/);
    expect(widths(image, 'avif')).toEqual([400, 800, 1200, 1600]);
    expect(widths(image, 'webp')).toEqual([400, 800, 1200, 1600]);
    expect(widths(image, 'jpeg')).toEqual([1800]);

    for (const rendition of image.renditions) {
      const bytes = await readFile(fileOf(rendition.path));
      expect(bytes.length).toBe(rendition.bytes);
      const meta = await sharp(bytes).metadata();
      expect({ format: meta.format === 'heif' ? 'avif' : meta.format, width: meta.width, height: meta.height }).toEqual({
        format: rendition.format,
        width: rendition.width,
        height: Math.round((rendition.width * 4) / 3),
      });
      expect(rendition.height).toBe(meta.height);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(bytes.includes('MastheadCam')).toBe(false);
    }
    // The white block drawn at the top-left of the sensor is at the top-right once rotated 90° clockwise.
    const master = sharp(await readFile(fileOf(image.path)));
    const { data, info } = await master.raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => data[(y * info.width + x) * info.channels] as number;
    expect(pixel(info.width - 10, 10)).toBeGreaterThan(240);
    expect(pixel(10, 10)).toBeLessThan(200);
  });

  it('serves a rendition as immutable with its type', async () => {
    const { items } = (await get(`${URL}?q=crane`)).json<{ items: Image[] }>();
    const avif = items[0]?.renditions.find((r) => r.format === 'avif') as Rendition;
    const res = await site.app.inject({ method: 'GET', url: avif.path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toBe('image/avif');
    expect(res.rawPayload.length).toBe(avif.bytes);
  });

  it('takes a PNG (named .jpg) with transparency: type from the bytes, PNG master, renditions up to its own width, alpha kept', async () => {
    const res = await upload(
      { locale: 'tr', alt: 'Logo' },
      { bytes: await transparentPng(1000, 500), filename: 'logo.jpg', type: 'image/jpeg' },
    );
    expect(res.statusCode).toBe(201);
    const image = res.json<Image>();
    expect(image).toMatchObject({ width: 1000, height: 500, mime: 'image/png' });
    expect(widths(image, 'webp')).toEqual([400, 800, 1000]);
    expect(widths(image, 'avif')).toEqual([400, 800, 1000]);
    const webp = image.renditions.find((r) => r.format === 'webp' && r.width === 800) as Rendition;
    expect((await sharp(await readFile(fileOf(webp.path))).metadata()).hasAlpha).toBe(true);
  });

  it('gets one image by id with its texts and renditions, 404 for an unknown id, 401 without a session', async () => {
    const uploaded = (
      await upload(
        { locale: 'en', alt: 'Pier at noon' },
        { bytes: await transparentPng(500, 250), filename: 'pier.png', type: 'image/png' },
      )
    ).json<Image>();
    const res = await get(`${URL}/${uploaded.id}`);
    expect(res.statusCode).toBe(200);
    const image = res.json<Image>();
    const byPath = (r: Rendition[]) => [...r].sort((a, b) => a.path.localeCompare(b.path));
    expect({ ...image, renditions: byPath(image.renditions) }).toEqual({ ...uploaded, renditions: byPath(uploaded.renditions) });
    expect(widths(image, 'webp')).toEqual([400, 500]);
    const { items } = (await get(`${URL}?q=pier`)).json<{ items: Image[] }>();
    expect(items).toEqual([image]); // the same Image as the library lists

    const unknown = await get(`${URL}/no-such-image`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(unknown.json().error.code).toBe('not_found');

    const anonymous = await site.app.inject({ method: 'GET', url: `${URL}/${uploaded.id}` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
  });

  it('refuses a text file named .jpg with 415 and writes nothing', async () => {
    const before = await snapshot();
    const res = await upload(
      { locale: 'en', alt: 'Not a photo' },
      { bytes: Buffer.from('just some text, honestly\n'.repeat(20)), filename: 'photo.jpg', type: 'image/jpeg' },
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over 20 MB with 413 and writes nothing', async () => {
    const before = await snapshot();
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload({ locale: 'en', alt: 'Huge' }, { bytes: big, filename: 'huge.jpg', type: 'image/jpeg' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: 'The file is larger than 20 MB' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a decompression bomb from its header, before decoding, and writes nothing', async () => {
    const bomb = bombPng(20_000);
    expect(bomb.length).toBeLessThan(200_000);
    const before = await snapshot();
    const started = Date.now();
    const res = await upload({ locale: 'en', alt: 'Bomb' }, { bytes: bomb, filename: 'bomb.png', type: 'image/png' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'payload_too_large',
      message: 'The image is 20000×20000 pixels (400 megapixels); the limit is 40 megapixels',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 400 for missing alt text or a language without an edition, writing nothing', async () => {
    const before = await snapshot();
    const png = await transparentPng(50, 50);
    const noAlt = await upload({ locale: 'en' }, { bytes: png, filename: 'a.png', type: 'image/png' });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.json().error.details.issues[0].path).toBe('alt');
    const unknownLocale = await upload({ locale: 'de', alt: 'Bild' }, { bytes: png, filename: 'a.png', type: 'image/png' });
    expect(unknownLocale.statusCode).toBe(400);
    const noFile = await upload({ locale: 'en', alt: 'Nothing' });
    expect(noFile.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('finds images by Turkish caption and credit whatever the case and dotted or dotless i', async () => {
    site.clock.set(new Date(NOW.getTime() + 60_000)); // the newest upload, listed first
    const res = await upload(
      { locale: 'tr', alt: 'Gece manzarası', caption: "Işıklar İstanbul'da Boğaz'ı aydınlatıyor", creditPhotographer: 'Deniz Aksoy' },
      { bytes: await transparentPng(300, 200), filename: 'gece.png', type: 'image/png' },
    );
    expect(res.statusCode).toBe(201);
    const id = res.json<Image>().id;
    const search = async (q: string) => (await get(`${URL}?q=${encodeURIComponent(q)}`)).json<{ items: Image[]; total: number }>();
    for (const q of ['ISIKLAR', 'ışıklar', 'istanbul', 'İSTANBUL', 'bogaz', 'aksoy deniz', 'GECE manzarasi']) {
      const page = await search(q);
      expect(
        page.items.map((i) => i.id),
        q,
      ).toEqual([id]);
    }
    expect((await search('nowhere')).total).toBe(0);
    expect((await search('50%_off')).total).toBe(0);

    const all = (await get(`${URL}?pageSize=2&page=1`)).json<{ items: Image[]; total: number; page: number; pageSize: number }>();
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 2 }); // four uploads and the fixture's image
    expect(all.items[0]?.id).toBe(id);
    const bad = await get(`${URL}?page=0`);
    expect(bad.statusCode).toBe(400);
    site.clock.set(NOW);
  });

  it('shows an uploaded lead image as <picture> with AVIF and WebP srcsets on the story page and the front page', async () => {
    const { items } = (await get(`${URL}?q=crane`)).json<{ items: Image[] }>();
    const image = items[0] as Image;
    const at = new Date(NOW.getTime() - 3_600_000);
    const body = paragraphs('The cranes started at dawn.');
    await site.services.contentWrite.createStory(
      {
        sectionId: site.fixture.sectionId,
        leadImageId: image.id,
        authorIds: [],
        topicIds: [],
        translations: [
          {
            locale: 'en',
            title: 'Cranes at work',
            dek: 'Dawn shift',
            body,
            slug: 'cranes-at-work',
            status: 'published',
            publishedAt: at,
            isOriginal: true,
            translatedFrom: null,
            provenance: 'original',
            provenanceCredit: null,
            readingMinutes: 1,
          },
        ],
      },
      site.services.editions.list,
      at,
    );
    const srcset = (format: string) =>
      image.renditions
        .filter((r) => r.format === format)
        .sort((a, b) => a.width - b.width)
        .map((r) => `${r.path} ${r.width}w`)
        .join(', ');

    const page = await site.app.inject({ method: 'GET', url: '/en/2014/07/cranes-at-work' });
    expect(page.statusCode).toBe(200);
    const picture = /<figure class="lead-image">\s*(<picture>[\s\S]*?<\/picture>)/.exec(page.body)?.[1] ?? '';
    expect(picture).toContain(`<source type="image/avif" srcset="${srcset('avif')}" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">`);
    expect(picture).toContain(`<source type="image/webp" srcset="${srcset('webp')}"`);
    expect(picture).toContain(`<img src="${image.path}" alt="A harbour crane" width="1800" height="2400"`);

    const front = await site.app.inject({ method: 'GET', url: '/en/' });
    expect(front.body).toContain(`<source type="image/avif" srcset="${srcset('avif')}"`);

    const plain = await site.app.inject({ method: 'GET', url: '/en/2014/07/harbour-fish-prices-climb' });
    expect(plain.body).toMatch(/<figure class="lead-image">\s*<img src="\/media\/fixture-lead.webp"/);
  });

  it('takes ten near-limit uploads at once (6,300 × 6,300 PNGs): two are admitted and processed one at a time, eight refused with 429, each success usable at once', async () => {
    // 39.7 megapixels (the limit is 40) in a tiny file: decoding costs ~120 MB and seconds; the file costs nothing.
    const png = await sharp({ create: { width: 6300, height: 6300, channels: 3, background: '#3d5a80' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(png.length).toBeLessThan(256 * 1024);
    const statsBefore = (await get(`${URL}/processing`)).json<Record<string, number>>();
    expect(statsBefore).toMatchObject({ workers: 1, perAccount: 2, inProgress: 0, running: 0 });
    const before = await snapshot();

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        upload({ locale: 'en', alt: `Near the limit ${i}` }, { bytes: png, filename: `big-${i}.png`, type: 'image/png' }),
      ),
    );
    const accepted = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(accepted).toHaveLength(2);
    expect(refused.map((r) => r.statusCode)).toEqual(Array(8).fill(429));
    for (const res of refused) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({
        error: {
          code: 'rate_limited',
          message: 'You already have 2 image uploads in progress; wait until one finishes, then try again',
          details: { reason: 'uploads_per_account', limit: 2, retryAfterSeconds: 10 },
        },
      });
      expect(res.headers['retry-after']).toBe('10');
    }
    // A success means usable now: every rendition is on disk and the image is in the library.
    for (const res of accepted) {
      const image = res.json<Image>();
      expect(image).toMatchObject({ width: 6300, height: 6300, mime: 'image/png' });
      expect(widths(image, 'avif')).toEqual([400, 800, 1200, 1600]);
      for (const r of image.renditions) expect((await readFile(fileOf(r.path))).length).toBe(r.bytes);
      expect((await get(`${URL}/${image.id}`)).statusCode).toBe(200);
    }
    // The pool never decoded more than one at a time, and nothing is left in progress.
    const stats = (await get(`${URL}/processing`)).json<Record<string, number>>();
    expect(stats).toMatchObject({ workers: 1, peakRunning: 1, running: 0, waiting: 0, inProgress: 0 });
    expect(stats.processed! - statsBefore.processed!).toBe(2);
    expect(stats.refused! - statsBefore.refused!).toBe(8);
    const after = await snapshot();
    expect(after.images - before.images).toBe(2);
    expect(after.files.filter((f) => !before.files.includes(f)).every((f) => !f.includes('.tmp'))).toBe(true);

    // The account's slots are free again.
    const next = await upload(
      { locale: 'en', alt: 'After the burst' },
      { bytes: await transparentPng(40, 40), filename: 'small.png', type: 'image/png' },
    );
    expect(next.statusCode).toBe(201);
  }, 180_000);
});
