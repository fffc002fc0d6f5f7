/**
 * The one way the app talks to the admin API (docs/admin-api.md): JSON under /admin/api/v1, the
 * session cookie (same-origin credentials), and the CSRF token from GET /session on every
 * state-changing request. Errors arrive as ApiError with the contract's code, message and details.
 */
export const API_BASE = '/admin/api/v1';

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_document'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'network';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A known code, or any other string a newer server may send (`string & {}` keeps the known ones suggested). */
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Seconds from Retry-After (429), when given. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Remembered from POST /setup, POST /session and GET /session; forgotten on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request that needed a session got 401 (the session ended or expired). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  /** A 401 is an expected answer here (sign-in, session probe): do not announce a lost session. */
  quietUnauthorized?: boolean;
}

export async function api<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) return data as T;

  const error = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  const apiError = new ApiError(
    response.status,
    error?.code ?? codeForStatus(response.status),
    error?.message ?? (response.statusText || `HTTP ${response.status}`),
    error?.details ?? {},
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
  if (response.status === 401 && !options.quietUnauthorized) for (const listener of unauthorizedListeners) listener();
  throw apiError;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_input';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return 'internal';
  }
}

/** `?a=1&b=x` from the defined, non-empty values (empty string when none). */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
