export { loadCatalogs, type Catalog, type Catalogs } from './catalogs.js';
export { compileMessage, type MessageValues } from './message-format.js';
export type { MessageKey } from './message-key.js';
export { createTranslator, type Translator } from './translator.js';
