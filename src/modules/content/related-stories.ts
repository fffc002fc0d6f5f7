/**
 * Related stories, decided when a story is written and stored (never computed on a reader
 * request). The candidates are, for each of the story's topics, the stories of that topic an
 * edition lists that were published nearest before it (at most `RELATED_WINDOW` per topic), so the
 * work per write is bounded however large the archive grows. Among them: most shared topics first,
 * then the most recent, then the id (stable).
 */
export const RELATED_WINDOW = 30;
/** How many related stories are stored per story and edition; the page shows fewer. */
export const RELATED_STORED = 8;

export interface RelatedCandidate {
  storyId: string;
  publishedAt: string;
}

export function rankRelated(storyId: string, candidates: readonly RelatedCandidate[], limit = RELATED_STORED): string[] {
  const scores = new Map<string, { shared: number; latest: string }>();
  for (const c of candidates) {
    if (c.storyId === storyId) continue;
    const score = scores.get(c.storyId);
    if (score) {
      score.shared++;
      if (c.publishedAt > score.latest) score.latest = c.publishedAt;
    } else scores.set(c.storyId, { shared: 1, latest: c.publishedAt });
  }
  return [...scores]
    .sort(
      ([aId, a], [bId, b]) =>
        b.shared - a.shared || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0) || (aId < bId ? 1 : aId > bId ? -1 : 0),
    )
    .slice(0, limit)
    .map(([id]) => id);
}
