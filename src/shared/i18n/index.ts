export { compileMessage, loadCatalogs, type Catalog, type Catalogs } from './catalogs.js';
export { createTranslator, type MessageValues, type Translator } from './translator.js';
