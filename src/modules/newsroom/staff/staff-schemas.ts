import { z } from 'zod';
import { emailSchema } from '../../../shared/email.js';
import { invalidInput } from '../../../shared/errors.js';
import { ROLES } from '../permissions.js';

/**
 * The inputs of the staff module, shared by the admin API (as its route schemas) and the command
 * line. Types are inferred from these schemas; `parseInput` (the command line's) turns a failure
 * into `invalid_input` naming the first bad field.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`);

export const nameSchema = z.string().trim().min(1, 'a name').max(120, 'at most 120 characters');
export const roleSchema = z.enum(ROLES, { error: `one of ${ROLES.join(', ')}` });
export const localesSchema = z
  .array(z.string().regex(LOCALE, 'a language tag such as "en" or "pt-BR"'))
  .max(50)
  .transform((locales) => [...new Set(locales)]);

export const setupInput = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema }).strict();
export const signInInput = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict();
export const resetRequestInput = z.object({ email: emailSchema }).strict();
export const resetConfirmInput = z.object({ token: z.string().min(1).max(200), password: passwordSchema }).strict();
export const newStaffInput = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, locales: localesSchema.optional(), password: passwordSchema })
  .strict();
export const staffChangesInput = z
  .object({ role: roleSchema.optional(), locales: localesSchema.optional(), name: nameSchema.optional() })
  .strict();
export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, 'the current password').max(PASSWORD_MAX_LENGTH), newPassword: passwordSchema })
  .strict();
export const newApiKeyInput = z.object({ name: nameSchema, role: roleSchema }).strict();

export type SetupInput = z.infer<typeof setupInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type ResetRequestInput = z.infer<typeof resetRequestInput>;
export type ResetConfirmInput = z.infer<typeof resetConfirmInput>;
export type NewStaffInput = z.infer<typeof newStaffInput>;
export type StaffChangesInput = z.infer<typeof staffChangesInput>;
export type NewApiKeyInput = z.infer<typeof newApiKeyInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** Parses or throws `invalid_input` with `details.field` (the first bad field) and every issue. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: fieldName(issue),
    message: issue.message,
  }));
  const first = issues[0];
  throw invalidInput(first ? `${first.field}: ${first.message}` : 'Invalid input', {
    field: first?.field ?? null,
    issues,
  });
}

function fieldName(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  return issue.path.map(String).join('.') || '(body)';
}
