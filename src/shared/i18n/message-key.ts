/**
 * The server's message keys, derived from the reference catalog (locales/en.json) by the type
 * checker: a key missing from en.json, or misspelled, is a compile error at the `t('…')` call.
 * Type-only: nothing is imported at run time (catalogs are read by catalogs.ts at start).
 */
import type en from '../../../locales/en.json';

export type MessageKey = keyof typeof en;
