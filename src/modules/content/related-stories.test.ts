import { describe, expect, it } from 'vitest';
import { rankRelated } from './related-stories.js';

describe('rankRelated', () => {
  const c = (storyId: string, publishedAt: string) => ({ storyId, publishedAt });

  it('puts the stories sharing most topics first, then the most recent, never the story itself', () => {
    const candidates = [
      // topic 1
      c('b', '2024-03-01'),
      c('self', '2024-05-01'),
      c('a', '2024-01-01'),
      // topic 2
      c('a', '2024-01-01'),
      c('c', '2024-04-01'),
    ];
    expect(rankRelated('self', candidates)).toEqual(['a', 'c', 'b']);
  });

  it('keeps at most the limit, with a stable order for equal stories', () => {
    const candidates = ['x1', 'x3', 'x2'].map((id) => c(id, '2024-01-01'));
    expect(rankRelated('self', candidates, 2)).toEqual(['x3', 'x2']);
  });
});
