export { negotiateLocale } from './locale-negotiation.js';
export { textDirection, type TextDirection } from './text-direction.js';
export { formatDate, formatDateTime, formatNumber, type DateFormatOptions, type DateStyle, type DateTimeFormatOptions } from './formats.js';
export { languageName } from './language-names.js';
export { slugify, slugProblem, MAX_SLUG_LENGTH } from './slugify.js';
export { foldForSearch } from './search-fold.js';
export { Editions, type Edition } from './edition.js';
