/**
 * The one error model. Domain errors carry a stable machine code, a human message and optional
 * details (`details.reason` says which case of a code it is: 'csrf', 'not_subscriber', ...). The
 * HTTP edge turns any thrown value into one with `asAppError`, then maps it once per surface: JSON
 * APIs to a status and `{ "error": { code, message, details } }` (adapters/http/api-errors.ts), pages
 * to localized error pages. Unexpected errors are logged once, with the request id; nothing else
 * about an error (stack, SQL) ever reaches a user.
 */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_document'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'config_invalid'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Which case of its code this is (`details.reason`), when the thrower said. */
  get reason(): string | undefined {
    return typeof this.details.reason === 'string' ? this.details.reason : undefined;
  }
}

/** A thrown value as the error model says it. `unexpected` errors are ours (a bug, a failed dependency): logged, answered as `internal`. */
export interface ClassifiedError {
  error: AppError;
  unexpected: boolean;
}

/**
 * Any thrown value as an `AppError`. Domain errors stay as they are (`internal` ones are
 * unexpected); an error carrying an HTTP `statusCode` (the framework's: unreadable JSON, a body too
 * large, a wrong content type) becomes the code it means; anything else is unexpected and becomes
 * `internal`, its message kept out of the answer.
 */
export function asAppError(error: unknown): ClassifiedError {
  if (error instanceof AppError) return { error, unexpected: error.code === 'internal' };
  const framework = error as { statusCode?: unknown; code?: unknown; message?: unknown } | null;
  const status = typeof framework?.statusCode === 'number' ? framework.statusCode : 500;
  if (status === 413) return { error: new AppError('payload_too_large', 'The request body is too large'), unexpected: false };
  if (status === 415) return { error: new AppError('unsupported_media_type', 'This content type is not accepted'), unexpected: false };
  if (status >= 400 && status < 500) {
    const message = typeof framework?.message === 'string' ? framework.message : 'Bad request';
    const details = { frameworkCode: typeof framework?.code === 'string' ? framework.code : null };
    return { error: new AppError(status === 404 ? 'not_found' : 'invalid_input', message, details), unexpected: false };
  }
  return { error: new AppError('internal', 'Something went wrong on our side'), unexpected: true };
}

export const notFound = (message = 'Not found', details: Record<string, unknown> = {}) => new AppError('not_found', message, details);

export const invalidInput = (message: string, details: Record<string, unknown> = {}) => new AppError('invalid_input', message, details);

export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError('conflict', message, details);
export const forbidden = (message = 'You are not allowed to do this', details: Record<string, unknown> = {}) =>
  new AppError('forbidden', message, details);
export const unauthorized = (message = 'Sign in first', details: Record<string, unknown> = {}) =>
  new AppError('unauthorized', message, details);
