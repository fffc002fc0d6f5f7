import { describe, expect, it } from 'vitest';
import { previewSrc } from './names';

describe('previewSrc', () => {
  it('takes the smallest WebP rendition', () => {
    const image = {
      id: 'img1',
      path: '/media/a-1800.jpg',
      renditions: [
        { format: 'avif', width: 400, path: '/media/a-400.avif' },
        { format: 'webp', width: 800, path: '/media/a-800.webp' },
        { format: 'webp', width: 400, path: '/media/a-400.webp' },
        { format: 'jpeg', width: 1800, path: '/media/a-1800.jpg' },
      ],
    };
    expect(previewSrc(image)).toBe('/media/a-400.webp');
  });

  it('falls back to the image path when there is no WebP rendition', () => {
    expect(previewSrc({ id: 'img2', path: '/media/fixture-lead.webp', renditions: [] })).toBe('/media/fixture-lead.webp');
  });
});
