import { z } from 'zod';
import type { Edition, Editions } from '../../../../modules/editions/index.js';

/**
 * Route schemas of the reader site (Fastify route schemas through the zod type provider): handlers
 * receive the edition and the page number, not strings. A request that fails them gets the
 * localized error page (app.ts): 404 for a path that names nothing (a params failure), 400 for a
 * bad querystring.
 */

/** An edition by the locale in the path; any other string names nothing (404). */
export function editionParam(editions: Editions) {
  return z.string().transform((locale, ctx): Edition => {
    const edition = editions.get(locale);
    if (edition) return edition;
    ctx.addIssue({ code: 'custom', message: 'No edition has this locale' });
    return z.NEVER;
  });
}

const MAX_PAGE = 10_000;

/** `?page=N`: absent means 1; anything but one whole number from 1 to MAX_PAGE is a bad request (400). */
export const pageQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,4}$/)
    .transform(Number)
    .refine((page) => page <= MAX_PAGE, `at most ${MAX_PAGE}`)
    .default(1),
});

/** A listing of an edition: `/:locale/topics/:slug` and the like. */
export const listingParams = (editions: Editions) => z.object({ locale: editionParam(editions), slug: z.string() });

/** A story's URL: `/:locale/:yyyy/:mm/:slug`, with a four-digit year and a month 01-12. */
export const storyParams = (editions: Editions) =>
  z.object({
    locale: editionParam(editions),
    yyyy: z.string().regex(/^\d{4}$/),
    mm: z.string().regex(/^(0[1-9]|1[0-2])$/),
    slug: z.string(),
  });
