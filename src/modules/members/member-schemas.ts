import { z } from 'zod';
import { invalidInput } from '../../shared/errors.js';
import { emailSchema } from '../../shared/email.js';

/** Parses a member's email, or `invalid_input` naming the field. */
export function parseEmail(value: unknown): string {
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw invalidInput('An email address such as reader@example.org', { field: 'email' });
  return parsed.data;
}

/** Backslash, control, unassigned and private characters, line separators, and format characters
 * (bidi controls…) other than the joiners that Persian and Indic words need. */
const UNSAFE_IN_PATH = /[\\\p{Cc}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;

/** Only used to resolve a path; never contacted. */
const THIS_SITE = 'https://this-site.invalid';

/**
 * Where a reader may be sent after signing in: a path on this site only (starts with one slash, no
 * scheme, no `//`, no backslash, no control or invisible characters), so a link can never redirect
 * off the site. Returned percent-encoded (`/\u3000/x`, an ideographic space, → `/%E3%80%80/x`), as a Location header must be.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE_IN_PATH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, THIS_SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== THIS_SITE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') && /^[\x21-\x7e]+$/.test(path) ? path : fallback;
}

/** A complimentary grant, as staff send it to the admin API. */
export const complimentaryGrantInput = z
  .object({
    email: emailSchema,
    /** ISO 8601 with a time zone; null or absent: open-ended. */
    until: z.iso.datetime({ offset: true, error: 'an ISO 8601 date and time such as 2026-12-31T23:59:59Z' }).nullable().optional(),
    note: z.string().trim().max(500, 'at most 500 characters').nullable().optional(),
  })
  .strict();
export type ComplimentaryGrantInput = z.infer<typeof complimentaryGrantInput>;
