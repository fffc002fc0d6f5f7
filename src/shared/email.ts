import { z } from 'zod';

/** An email address, trimmed and lower-cased: one account (staff or member) per address, however it is typed. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'at most 254 characters')
  .pipe(z.email({ error: 'an email address such as editor@example.org' }));
