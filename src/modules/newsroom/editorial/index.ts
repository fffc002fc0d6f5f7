/** The editorial module's public API: the only import path from outside (see README.md). */
export * from './editorial-types.js';
export * from './editorial-repository.js';
export * from './editorial-service.js';
export * from './publish-job.js';
export { diffText, hasChanges, type DiffPart } from './text-diff.js';
