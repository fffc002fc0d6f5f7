/** The taxonomy module's public API (topic and section pickers, topic creation): the only import path from outside. */
export * from './taxonomy-service.js';
