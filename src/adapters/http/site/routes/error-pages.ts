import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Edition } from '../../../../modules/editions/index.js';
import { negotiateLocale } from '../../../../modules/editions/index.js';
import { toPage } from '../../plugins/page-cache.js';
import { pathOf } from '../../plugins/request-path.js';
import { NO_STORE, sendPage } from '../reply-html.js';
import type { SiteDeps } from '../site-deps.js';
import { errorView } from '../views/listing-views.js';

/** The edition an error page speaks (site and member pages): the one in the path, else the reader's language, else the default. */
export function errorEdition(deps: Pick<SiteDeps, 'editions'>, request: FastifyRequest): Edition {
  const { editions } = deps;
  const first = pathOf(request.url).split('/')[1] ?? '';
  const fromPath = editions.get(first);
  if (fromPath) return fromPath;
  const negotiated = negotiateLocale(request.headers['accept-language'], editions.locales, editions.defaultLocale);
  return editions.get(negotiated) ?? editions.default;
}

/** A localized error page with the right status; never cached, never a stack trace. */
export async function sendErrorPage(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: 400 | 404 | 500,
  edition: Edition = errorEdition(deps, request),
) {
  const ctx = await deps.pages.context(edition, pathOf(request.url), request.log);
  const html = deps.pages.page(ctx, errorView(ctx, status, String(request.id)));
  return sendPage(request, reply, toPage(html), NO_STORE, status);
}

/**
 * Reader pages whose input fails their route schema (site-params.ts) answer the localized page,
 * whatever the URL looks like: 404 when the path names nothing (a params failure: an unknown
 * edition, a month 13), 400 for a bad querystring. Every other error goes on to the app's handler.
 */
export function registerSitePageErrors(scope: FastifyInstance, deps: SiteDeps): void {
  scope.setErrorHandler(async (error, request, reply) => {
    if (!hasZodFastifySchemaValidationErrors(error)) throw error;
    return sendErrorPage(deps, request, reply, error.validationContext === 'params' ? 404 : 400);
  });
}
