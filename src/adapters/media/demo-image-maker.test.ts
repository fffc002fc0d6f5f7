import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hslToHex, SharpDemoImageMaker } from './demo-image-maker.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'masthead-demo-images-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('SharpDemoImageMaker', () => {
  it('writes a WebP that sharp reads back with the requested size', async () => {
    const mediaDir = join(root, 'nested', 'media');
    const maker = new SharpDemoImageMaker(mediaDir);
    const lead = await maker.make({ key: 'lead-0', width: 1200, height: 675, hue: 130, label: 'A reservoir', variant: 3 });
    expect(lead).toMatchObject({ width: 1200, height: 675, mime: 'image/webp' });
    expect(lead.path).toMatch(/^\/media\/demo-[0-9a-f]{16}\.webp$/);
    const meta = await sharp(join(mediaDir, lead.path.replace('/media/', ''))).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1200, height: 675 });

    const avatar = await maker.make({ key: 'avatar-0', width: 256, height: 256, hue: 15, label: 'Someone', variant: 0 });
    const avatarMeta = await sharp(join(mediaDir, avatar.path.replace('/media/', ''))).metadata();
    expect(avatarMeta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(avatar.path).not.toBe(lead.path);
  });

  it('is content-addressed: the same spec gives the same file, another variant another one', async () => {
    const mediaDir = join(root, 'media-2');
    const maker = new SharpDemoImageMaker(mediaDir);
    const spec = { key: 'lead-1', width: 320, height: 180, hue: 210, label: 'Cranes', variant: 1 };
    const [a, b] = await Promise.all([maker.make(spec), maker.make(spec)]);
    const c = await maker.make({ ...spec, variant: 2 });
    expect(a.path).toBe(b.path);
    expect(c.path).not.toBe(a.path);
    expect((await readdir(mediaDir)).sort()).toEqual([a.path, c.path].map((p) => p.replace('/media/', '')).sort());
  });

  it('converts HSL to hex colours', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 50)).toBe('#00ff00');
    expect(hslToHex(240, 100, 50)).toBe('#0000ff');
    expect(hslToHex(0, 0, 100)).toBe('#ffffff');
  });
});
