import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** The descriptive fields sent with an upload (alongside the file). */
export const imageFieldsSchema = z
  .object({
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, 'a language tag such as "en" or "tr"'),
    alt: z.string().trim().min(1, 'describe the image for readers who cannot see it').max(500),
    caption: optionalText(2000),
    creditAgency: optionalText(200),
    creditPhotographer: optionalText(200),
  })
  .strict();
export type ImageFields = z.infer<typeof imageFieldsSchema>;

/** GET /media?q=&page=&pageSize= */
export const libraryQuerySchema = z
  .object({
    q: z.string().max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict();
export type LibraryQueryInput = z.infer<typeof libraryQuerySchema>;
