/** The content module's public API: the only import path from outside (see README.md). */
export * from './content-types.js';
export * from './content-repository.js';
export * from './reader-service.js';
export * from './story-paths.js';
export * from './page-keys.js';
export * from './edition-entries.js';
export * from './edition-read-model.js';
export * from './related-stories.js';
