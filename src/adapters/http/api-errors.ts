import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../shared/errors.js';

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

/** The HTTP status of an error: a domain error's by its code, a framework error's own, else 500. */
export function statusOf(error: unknown): number {
  if (error instanceof AppError) return STATUS[error.code];
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : 500;
}

/** JSON APIs live under these prefixes; everything else is the reader site. */
export function isApiRequest(url: string): boolean {
  return url.startsWith('/admin/api/') || url.startsWith('/api/');
}

export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * Every API error has one shape: { error: { code, message, details } }. Domain errors keep their
 * code and details; input that fails its route schema is 400 `invalid_input` naming the first
 * field in the message and `details.field`, and every bad field in `details.fields[]` ({ path,
 * message }); framework errors (bad JSON, body too large, wrong content type) get a code of
 * ours; anything unexpected is logged with the request id and answered as `internal`, with the id
 * and never a stack trace.
 */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (error instanceof AppError) {
    if (error.code === 'rate_limited' && typeof error.details.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    return reply.code(STATUS[error.code]).send(body(error.code, error.message, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({ path: fieldOf(issue, error.validationContext ?? 'body'), message: issue.message ?? 'invalid' }));
    const first = fields[0] ?? { path: `(${error.validationContext ?? 'body'})`, message: 'invalid' };
    return reply.code(400).send(body('invalid_input', `${first.path}: ${first.message}`, { field: first.path, fields }));
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 413) return reply.code(413).send(body('payload_too_large', 'The request body is too large', {}));
  if (status === 415) return reply.code(415).send(body('unsupported_media_type', 'This content type is not accepted', {}));
  if (status >= 400 && status < 500) {
    return reply.code(status === 404 ? 404 : 400).send(
      body(status === 404 ? 'not_found' : 'invalid_input', fastifyError.message ?? 'Bad request', { frameworkCode: fastifyError.code ?? null }),
    );
  }
  request.log.error({ err: error, reqId: request.id, url: request.url }, 'api request failed');
  return reply.code(500).send(body('internal', 'Something went wrong on our side', { requestId: String(request.id) }));
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

function body(code: string, message: string, details: Record<string, unknown>): ApiErrorBody {
  return { error: { code, message, details } };
}
