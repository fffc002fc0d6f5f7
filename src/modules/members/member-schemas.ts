import { z } from 'zod';
import { invalidInput } from '../../shared/errors.js';
import { emailSchema } from '../newsroom/staff/index.js';

/** Trimmed and lower-cased: one member per address, however it is typed (the staff rule). */
export { emailSchema };

/** Parses a member's email, or `invalid_input` naming the field. */
export function parseEmail(value: unknown): string {
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw invalidInput('An email address such as reader@example.org', { field: 'email' });
  return parsed.data;
}

/**
 * Where a reader may be sent after signing in: a path on this site only (starts with one slash, no
 * scheme, no backslash, no control characters), so a link can never redirect off the site.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
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
