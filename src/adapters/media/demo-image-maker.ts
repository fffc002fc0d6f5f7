/**
 * Draws the demo placeholder images: an SVG (hue gradient plus a few shapes chosen by the variant;
 * no text, so no fonts are needed) rendered by sharp to WebP and stored content-addressed as
 * `<mediaDir>/demo-<sha1 of the bytes, 16 hex>.webp`, served as `/media/<name>`.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DemoImageFile, DemoImageMaker, DemoImageSpec } from '../../modules/content/demo/index.js';

const WEBP_QUALITY = 70;

/** A tiny deterministic PRNG (mulberry32) so the same spec always draws the same picture. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** HSL (degrees, percent, percent) to #rrggbb; librsvg gets plain hex colours. */
export function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const k = (n: number) => (n + (((h % 360) + 360) % 360) / 30) % 12;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const value = light - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

const fixed = (n: number) => n.toFixed(1);

/** The SVG source for one spec: landscape-like bands for wide images, a bust for square ones. */
export function demoSvg(spec: DemoImageSpec): string {
  const { width: w, height: h, hue } = spec;
  const rand = prng(spec.variant * 7919 + hue * 31 + w);
  const shapes: string[] = [];
  if (w === h) {
    for (let i = 0; i < 2; i++) {
      shapes.push(
        `<circle cx="${fixed(rand() * w)}" cy="${fixed(rand() * h)}" r="${fixed((0.15 + rand() * 0.2) * w)}" fill="#fff" fill-opacity="0.12"/>`,
      );
    }
    shapes.push(`<circle cx="${fixed(w / 2)}" cy="${fixed(h * 0.4)}" r="${fixed(w * 0.18)}" fill="#fff" fill-opacity="0.85"/>`);
    shapes.push(
      `<ellipse cx="${fixed(w / 2)}" cy="${fixed(h * 1.02)}" rx="${fixed(w * 0.34)}" ry="${fixed(h * 0.36)}" fill="#fff" fill-opacity="0.85"/>`,
    );
  } else {
    for (let i = 0; i < 6; i++) {
      const r = (0.05 + rand() * 0.18) * Math.min(w, h);
      shapes.push(
        `<circle cx="${fixed(rand() * w)}" cy="${fixed(rand() * h * 0.6)}" r="${fixed(r)}" fill="#fff" fill-opacity="${(0.06 + rand() * 0.16).toFixed(2)}"/>`,
      );
    }
    for (let band = 0; band < 3; band++) {
      const base = h * (0.55 + band * 0.14);
      const points = [`0,${h}`];
      for (let x = 0; x <= 8; x++) points.push(`${fixed((x / 8) * w)},${fixed(base - rand() * h * 0.12)}`);
      points.push(`${w},${h}`);
      const colour = hslToHex(hue + band * 12, 45, 30 - band * 8);
      shapes.push(`<polygon points="${points.join(' ')}" fill="${colour}" fill-opacity="0.8"/>`);
    }
    const size = (0.08 + rand() * 0.1) * h;
    shapes.push(
      `<rect x="${fixed(rand() * (w - size))}" y="${fixed(h * 0.2)}" width="${fixed(size)}" height="${fixed(size)}" transform="rotate(${Math.round(rand() * 45)} ${fixed(w / 2)} ${fixed(h / 2)})" fill="#000" fill-opacity="0.12"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="${hslToHex(hue, 60, 62)}"/><stop offset="1" stop-color="${hslToHex(hue + 35, 55, 28)}"/>
</linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#g)"/>
${shapes.join('\n')}
</svg>`;
}

export class SharpDemoImageMaker implements DemoImageMaker {
  private ready: Promise<unknown> | null = null;

  constructor(private readonly mediaDir: string) {}

  async make(spec: DemoImageSpec): Promise<DemoImageFile> {
    this.ready ??= mkdir(this.mediaDir, { recursive: true });
    await this.ready;
    const bytes = await sharp(Buffer.from(demoSvg(spec)))
      .webp({ quality: WEBP_QUALITY })
      .toBuffer();
    const name = `demo-${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}.webp`;
    const file = join(this.mediaDir, name);
    if (!(await exists(file))) {
      // Write then rename, so a reader never sees a half-written file.
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    }
    return { path: `/media/${name}`, width: spec.width, height: spec.height, mime: 'image/webp' };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
