import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../../modules/media/index.js';
import { SharpImageProcessor } from './sharp-image-processor.js';

const processor = new SharpImageProcessor();
const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#225588' } });

describe('SharpImageProcessor', () => {
  it('reads displayed dimensions from the header, orientation included', async () => {
    const rotated = await solid(300, 200).jpeg().withMetadata({ orientation: 8 }).toBuffer();
    expect(await processor.readHeader(rotated)).toEqual({ width: 200, height: 300, hasAlpha: false });
  });

  it('takes the first frame of an animated GIF', async () => {
    const frame = (background: string) =>
      sharp({ create: { width: 40, height: 60, channels: 4, background } })
        .png()
        .toBuffer();
    const animated = await sharp([await frame('#ff0000'), await frame('#00ff00')], { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const header = await processor.readHeader(animated);
    expect(header).toMatchObject({ width: 40, height: 60 });
    const { master, variants } = await processor.render(animated, {
      maxPixels: 1e6,
      master: 'png',
      variants: [{ format: 'webp', width: 40 }],
    });
    expect((await sharp(master.bytes).metadata()).pages ?? 1).toBe(1);
    expect([master.height, variants[0]?.height]).toEqual([60, 60]);
    const { data } = await sharp(master.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1]]).toEqual([255, 0]); // red: the first frame
  });

  it('re-encodes an AVIF source and keeps its transparency', async () => {
    const avif = await sharp({ create: { width: 64, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.3 } } })
      .avif()
      .toBuffer();
    expect(await processor.readHeader(avif)).toEqual({ width: 64, height: 32, hasAlpha: true });
    const { master } = await processor.render(avif, { maxPixels: 1e6, master: 'png', variants: [] });
    expect((await sharp(master.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('reports damaged or oversized input as a decode error', async () => {
    const jpeg = await solid(400, 300).jpeg().toBuffer();
    await expect(
      processor.render(jpeg.subarray(0, jpeg.length / 2), { maxPixels: 1e6, master: 'jpeg', variants: [] }),
    ).rejects.toBeInstanceOf(ImageDecodeError);
    await expect(processor.render(jpeg, { maxPixels: 1000, master: 'jpeg', variants: [] })).rejects.toBeInstanceOf(ImageDecodeError);
    await expect(processor.readHeader(Buffer.from('not an image at all'))).rejects.toBeInstanceOf(ImageDecodeError);
  });
});
