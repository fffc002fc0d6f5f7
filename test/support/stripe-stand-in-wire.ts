import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * The Stripe REST wire format, as far as the stand-in needs it: form-encoded requests with
 * bracketed keys (`line_items[0][price]=…`, exactly what the SDK's stringifier produces), JSON
 * responses, `{ error: { type, code, param, message } }` errors, and prefixed random ids.
 */

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

/** Decodes a form body into Stripe's nested parameters; the flat pairs are kept for assertions. */
export function parseStripeForm(body: string): { pairs: Array<[string, string]>; params: FormObject } {
  const pairs = [...new URLSearchParams(body)];
  const root: FormObject = {};
  for (const [key, value] of pairs) {
    const segments = key.replace(/\]/g, '').split('[');
    let node = root;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
      node = node[segment] as FormObject;
    });
  }
  return { pairs, params: arraysFromIndexedObjects(root) as FormObject };
}

function arraysFromIndexedObjects(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((key) => [key, arraysFromIndexedObjects(value[key] as FormValue)]));
  const indexed = keys.length > 0 && keys.every((key, i) => key === String(i));
  return indexed ? keys.map((key) => converted[key] as FormValue) : converted;
}

export function str(params: FormObject, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

export function obj(params: FormObject | undefined, key: string): FormObject | undefined {
  const value = params?.[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

export function stringRecord(value: FormObject | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** An error the way Stripe sends it; thrown by handlers and written by the server. */
export class StripeWireError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'api_error' | 'idempotency_error',
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}` } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export const missingParam = (param: string) =>
  new StripeWireError(400, 'invalid_request_error', `Missing required param: ${param}.`, 'parameter_missing', param);

export const invalidParam = (param: string, message: string, code = 'parameter_invalid') =>
  new StripeWireError(400, 'invalid_request_error', message, code, param);

export const noSuch = (what: string, id: string, param?: string, status = 400) =>
  new StripeWireError(status, 'invalid_request_error', `No such ${what}: '${id}'`, 'resource_missing', param);

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'request-id': newId('req'),
    ...headers,
  });
  res.end(payload);
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

/** The locales Checkout accepts (Stripe API 2026-10-28); others are refused like Stripe does. */
export const CHECKOUT_LOCALES = new Set([
  'auto',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hi-IN',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
]);
export const PORTAL_LOCALES = new Set([...CHECKOUT_LOCALES, 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-SG']);
PORTAL_LOCALES.delete('hi-IN');

export function isValidUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
