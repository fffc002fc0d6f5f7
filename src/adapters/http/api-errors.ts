import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, asAppError, type ClassifiedError, type ErrorCode } from '../../shared/errors.js';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_document: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  config_invalid: 500,
  internal: 500,
};

/** The HTTP status of any thrown value, by its code in the error model. */
export function statusOf(error: unknown): number {
  return STATUS[asAppError(error).error.code];
}

/**
 * Logs an error once, on the request's logger (which carries the request id): unexpected ones as
 * errors with the whole error, expected ones (a reader's bad input) at info with their code only.
 */
export function logRequestError(request: FastifyRequest, classified: ClassifiedError, original: unknown, message = 'request failed'): void {
  if (classified.unexpected) request.log.error({ err: original, reqId: request.id, url: request.url }, message);
  else request.log.info({ reqId: request.id, code: classified.error.code, reason: classified.error.reason ?? null }, 'request refused');
}

/** JSON APIs live under these prefixes; everything else is the reader site. */
export function isApiRequest(url: string): boolean {
  return url.startsWith('/admin/api/') || url.startsWith('/api/');
}

export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * A thrown value in the error model, as the HTTP edge sees it: `asAppError`, except that input
 * failing its route schema (fastify-type-provider-zod) is `invalid_input` naming the first field in
 * the message and `details.field`, and every bad field in `details.fields[]` ({ path, message }).
 */
export function classifyHttpError(thrown: unknown): ClassifiedError {
  if (!hasZodFastifySchemaValidationErrors(thrown)) return asAppError(thrown);
  const where = thrown.validationContext ?? 'body';
  const fields = thrown.validation.map((issue) => ({ path: fieldOf(issue, where), message: issue.message ?? 'invalid' }));
  const first = fields[0] ?? { path: `(${where})`, message: 'invalid' };
  return { error: new AppError('invalid_input', `${first.path}: ${first.message}`, { field: first.path, fields }), unexpected: false };
}

/**
 * The field a route schema's issue names, dotted (`topicIds.2`); for keys the schema does not
 * know, those keys; for the whole part, `(body)`, `(querystring)` or `(params)`.
 */
function fieldOf(issue: FastifySchemaValidationError, where: string): string {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: unknown }).keys : undefined;
  if (Array.isArray(keys) && keys.length > 0) return keys.map((key) => (path ? `${path}.${String(key)}` : String(key))).join(', ');
  return path || `(${where})`;
}

/**
 * Every API error has one shape: { error: { code, message, details } }. Domain errors keep their
 * code and details; input that fails its route schema names its fields (`classifyHttpError`);
 * framework errors (bad JSON, body too large, wrong content type) get a code of ours; anything
 * unexpected is logged once with the request id and answered as `internal`, with the id and never
 * a stack trace or an internal message.
 */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, thrown: unknown) {
  const classified = classifyHttpError(thrown);
  const { error } = classified;
  logRequestError(request, classified, thrown, 'api request failed');
  if (classified.unexpected)
    return reply.code(500).send(body('internal', 'Something went wrong on our side', { requestId: String(request.id) }));
  if (error.code === 'rate_limited' && typeof error.details.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  return reply.code(STATUS[error.code]).send(body(error.code, error.message, error.details));
}

function body(code: string, message: string, details: Record<string, unknown>): ApiErrorBody {
  return { error: { code, message, details } };
}
