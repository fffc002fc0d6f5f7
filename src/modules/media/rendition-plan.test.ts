import { describe, expect, it } from 'vitest';
import { masterFormat, planRenditions, renditionFileName } from './rendition-plan.js';

const widths = (plan: { format: string; width: number }[], format: string) => plan.filter((p) => p.format === format).map((p) => p.width);

describe('planRenditions', () => {
  it('offers every standard width for a large photo, AVIF and WebP', () => {
    const plan = planRenditions(4000, 'jpeg');
    expect(widths(plan, 'avif')).toEqual([400, 800, 1200, 1600]);
    expect(widths(plan, 'webp')).toEqual([400, 800, 1200, 1600]);
  });

  it('never upscales: smaller widths plus the image own width', () => {
    expect(widths(planRenditions(1000, 'jpeg'), 'avif')).toEqual([400, 800, 1000]);
    expect(widths(planRenditions(1600, 'jpeg'), 'avif')).toEqual([400, 800, 1200, 1600]);
    expect(widths(planRenditions(300, 'png'), 'webp')).toEqual([300]);
  });

  it('does not plan the full-size WebP twice when the master already is one', () => {
    expect(widths(planRenditions(1000, 'webp'), 'webp')).toEqual([400, 800]);
    expect(widths(planRenditions(3000, 'webp'), 'webp')).toEqual([400, 800, 1200, 1600]);
  });
});

describe('masterFormat', () => {
  it('keeps a fallback every browser shows', () => {
    expect(masterFormat('jpeg', false)).toBe('jpeg');
    expect(masterFormat('gif', true)).toBe('png');
    expect(masterFormat('webp', true)).toBe('webp');
    expect(masterFormat('avif', false)).toBe('jpeg');
    expect(masterFormat('avif', true)).toBe('png');
  });
});

describe('renditionFileName', () => {
  it('names a file by its content, width and format', () => {
    const a = renditionFileName(new Uint8Array([1, 2, 3]), 800, 'avif');
    expect(a).toMatch(/^[a-f0-9]{20}-800\.avif$/);
    expect(renditionFileName(new Uint8Array([1, 2, 3]), 800, 'avif')).toBe(a);
    expect(renditionFileName(new Uint8Array([1, 2, 4]), 800, 'avif')).not.toBe(a);
    expect(renditionFileName(new Uint8Array([1]), 1800, 'jpeg')).toMatch(/-1800\.jpg$/);
  });
});
