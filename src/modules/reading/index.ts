/**
 * reading: the reader's use cases that span modules. `readStory` reads a story page for one
 * reader: content finds it, the paywall decides and cuts it, the meter counts it, and the result
 * says how the page may be cached. The only import path from outside.
 */
export {
  createReadStory,
  accessClass,
  type ReadStory,
  type ReadStoryDeps,
  type StoryPaywall,
  type Reader,
  type StoryRequest,
  type CachedStory,
  type StoryReading,
  type GatedStoryPage,
  type ShownStory,
  type PaywallOffer,
  type Denial,
  type StoryCachePolicy,
  type MeterEffect,
} from './read-story.js';
