import { describe, expect, it } from 'vitest';
import { parsePaywallConfig } from './access-types.js';
import { archivesAfter, isArchived } from './entitlements.js';

describe('archivesAfter', () => {
  const story = { storyId: 's', accessLevel: 'public' as const, publishedAt: new Date('2014-07-02T09:30:00.000Z') };

  it('is the last moment the archive rule leaves the story alone', () => {
    for (const days of [1, 9, 365]) {
      const config = parsePaywallConfig({ archiveDays: days });
      const at = archivesAfter(story, config) as Date;
      expect(isArchived(story, at, config)).toBe(false);
      expect(isArchived(story, new Date(at.getTime() + 1), config)).toBe(true);
    }
  });

  it('is null when the rule is off or the story was never published', () => {
    expect(archivesAfter(story, parsePaywallConfig({}))).toBeNull();
    expect(archivesAfter({ ...story, publishedAt: null }, parsePaywallConfig({ archiveDays: 9 }))).toBeNull();
  });
});
