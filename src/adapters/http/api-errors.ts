import type { FastifyReply, FastifyRequest } from 'fastify';
import { asAppError, type ClassifiedError, type ErrorCode } from '../../shared/errors.js';

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
 * Every API error has one shape: { error: { code, message, details } }. Domain errors keep their
 * code and details; framework errors (bad JSON, body too large, wrong content type) get a code of
 * ours; anything unexpected is logged once with the request id and answered as `internal`, with the
 * id and never a stack trace or an internal message.
 */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, thrown: unknown) {
  const classified = asAppError(thrown);
  const { error } = classified;
  logRequestError(request, classified, thrown, 'api request failed');
  if (classified.unexpected) return reply.code(500).send(body('internal', 'Something went wrong on our side', { requestId: String(request.id) }));
  if (error.code === 'rate_limited' && typeof error.details.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  return reply.code(STATUS[error.code]).send(body(error.code, error.message, error.details));
}

function body(code: string, message: string, details: Record<string, unknown>): ApiErrorBody {
  return { error: { code, message, details } };
}
