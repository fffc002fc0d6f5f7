import type { Edition } from '../editions/index.js';

export interface TranslationCandidate {
  id: string;
  locale: string;
  status: string;
  publishedAt: string | null;
}

/**
 * Which translation of a story an edition lists: its own language if published, otherwise the first
 * of its included source locales that has one (language fallback), otherwise none. Drafts and
 * unpublished translations never qualify; future publication times are filtered when reading, so
 * an embargoed translation stays invisible until its time.
 */
export function chooseEditionTranslation(
  edition: Edition,
  candidates: readonly TranslationCandidate[],
): { translationId: string; publishedAt: string; isFallback: boolean } | null {
  const published = candidates.filter((c) => c.status === 'published' && c.publishedAt);
  const preference = [edition.locale, ...edition.includes];
  for (const locale of preference) {
    const hit = published.find((c) => c.locale === locale);
    if (hit) return { translationId: hit.id, publishedAt: hit.publishedAt as string, isFallback: locale !== edition.locale };
  }
  return null;
}
