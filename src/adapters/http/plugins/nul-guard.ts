import type { FastifyInstance } from 'fastify';
import { invalidInput } from '../../../shared/errors.js';

/** A NUL byte, raw or percent-encoded (`%00`), in the request target. */
// oxlint-disable-next-line eslint/no-control-regex -- matching NUL is this guard's whole purpose
const NUL_IN_URL = /%00|\u0000/i;

/**
 * Refuses NUL anywhere in a request, once, before any route sees it: the path and query, and every
 * string and key of a parsed body (JSON or form). NUL is never valid text here, PostgreSQL cannot
 * store it in text columns, and SQLite would. Readers get the localized 400 page, APIs the JSON
 * error shape (`invalid_input`, `details.field` is `url` or `body`). Multipart text fields are read
 * by their route as a stream, after these hooks: it calls `refuseNul` on each name and value.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(NUL_IN_URL.test(request.url) ? nulError('url') : undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    done(holdsNul(request.body, 0) ? nulError('body') : undefined);
  });
}

/**
 * For what arrives after the guard's hooks (the text parts of a multipart upload, read as a stream
 * by the route): the same refusal, the same error.
 */
export function refuseNul(text: string): void {
  if (text.includes('\u0000')) throw nulError('body');
}

function nulError(field: 'url' | 'body') {
  return invalidInput('The request contains a NUL character (U+0000), which is never valid here', { field, reason: 'nul' });
}

/** Whether a parsed body holds NUL in a string or a key (plain data only; streams and buffers are not text). */
function holdsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1));
}
