/**
 * Domain errors carry a stable machine code, a human message and optional details. The HTTP edge
 * maps them to status codes and to `{ "error": { code, message, details } }`; pages map them to
 * localized error pages. Nothing else about an error (stack, SQL) ever reaches a user.
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
}

export const notFound = (message = 'Not found', details: Record<string, unknown> = {}) =>
  new AppError('not_found', message, details);

export const invalidInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('invalid_input', message, details);

export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError('conflict', message, details);
export const forbidden = (message = 'You are not allowed to do this', details: Record<string, unknown> = {}) =>
  new AppError('forbidden', message, details);
export const unauthorized = (message = 'Sign in first', details: Record<string, unknown> = {}) =>
  new AppError('unauthorized', message, details);
