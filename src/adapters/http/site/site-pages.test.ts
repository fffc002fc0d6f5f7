import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ReaderService } from '../../../modules/content/index.js';
import { Editions } from '../../../modules/editions/index.js';
import { fixedClock } from '../../../shared/clock.js';
import { loadCatalogs } from '../../../shared/i18n/index.js';
import { SitePages } from './site-pages.js';

const editions = new Editions([{ locale: 'en', includes: [], siteName: 'The Daily' }], 'en');

function pagesOver(sections: ReaderService['sections']) {
  return new SitePages({
    editions,
    catalogs: loadCatalogs(join(import.meta.dirname, '../../../../locales'), ['en']),
    reader: { sections } as ReaderService,
    assets: { stylesheet: '/assets/site.css', icon: '/assets/icon.svg' },
    publicUrl: 'https://news.example.org',
    timeZone: 'UTC',
    clock: fixedClock(new Date('2026-01-01T00:00:00Z')),
    navigationTtlMs: 60_000,
  });
}

describe('SitePages.context', () => {
  it('renders without the navigation when it cannot be read, and logs why on the request logger', async () => {
    const failure = new Error('database unreachable');
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const ctx = await pagesOver(() => Promise.reject(failure)).context(editions.default, '/en', log);
    expect(ctx.sections).toEqual([]);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]?.[0]).toMatchObject({ err: failure, locale: 'en' });
  });
});
