export {
  seedDemo,
  DEFAULT_DEMO_STORIES,
  type DemoImageMaker,
  type DemoImageSpec,
  type DemoImageFile,
  type SeedDemoDeps,
  type SeedDemoOptions,
  type SeedDemoResult,
  type SeedPhase,
} from './seed-demo.js';
export { buildDemoDataset, DEFAULT_DEMO_SEED, type DemoDataset, type DemoDatasetOptions, type DemoStory } from './demo-dataset.js';
