import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Edition } from '../../../../modules/editions/edition.js';
import { negotiateLocale } from '../../../../modules/editions/index.js';
import { AppError } from '../../../../shared/errors.js';
import type { PageContext } from '../page-context.js';
import { errorView, type Rendered } from '../views/listing-views.js';
import { sendMemberPage, type MemberSiteDeps } from './member-http.js';
import { messageView } from './sign-in-views.js';

/** The edition an error speaks: the path's, else the reader's language, else the default. */
function errorEdition(request: FastifyRequest, deps: MemberSiteDeps): Edition {
  const { editions } = deps;
  const first = (request.url.split('?')[0] ?? '').split('/')[1] ?? '';
  return editions.get(first) ?? editions.get(negotiateLocale(request.headers['accept-language'], editions.locales, editions.defaultLocale)) ?? editions.default;
}

export function notFoundPage(request: FastifyRequest, reply: FastifyReply, deps: MemberSiteDeps) {
  return sendMemberPage(request, reply, deps, errorEdition(request, deps), (ctx) => errorView(ctx, 404, String(request.id)), { status: 404 });
}

/**
 * Errors of the member pages as localized pages with the right status: 404 a path that fails its
 * route schema (an unknown edition), 400 bad input, 403 an
 * expired form, 404, 409 (already subscribed, a subscription still renewing), 429 with
 * Retry-After, 503 when payments are not configured, 502 when the provider failed; anything else
 * is logged with the request id and answered 500, never with a stack trace.
 */
export function registerMemberErrors(app: FastifyInstance, deps: MemberSiteDeps): void {
  app.setErrorHandler(async (error, request, reply) => {
    const edition = errorEdition(request, deps);
    const page = (status: number, view: (ctx: PageContext) => Rendered) => sendMemberPage(request, reply, deps, edition, view, { status });
    const account = (ctx: PageContext) => [{ href: `/${ctx.edition.locale}/account`, label: ctx.t('members.signIn.toAccount') }];
    // A path that fails its route schema names nothing (an unknown edition): 404; a bad query: 400.
    if (hasZodFastifySchemaValidationErrors(error)) {
      return error.validationContext === 'params' ? notFoundPage(request, reply, deps) : page(400, (ctx) => errorView(ctx, 400, String(request.id)));
    }
    if (error instanceof AppError) {
      const reason = error.details.reason;
      switch (error.code) {
        case 'rate_limited': {
          const seconds = typeof error.details.retryAfterSeconds === 'number' ? error.details.retryAfterSeconds : 60;
          reply.header('retry-after', String(seconds));
          const minutes = Math.max(1, Math.ceil(seconds / 60));
          return page(429, (ctx) => messageView(ctx, ctx.t('members.error.rateLimitedTitle'), ctx.t('members.error.rateLimitedBody', { minutes })));
        }
        case 'forbidden':
          if (reason === 'csrf') {
            return page(403, (ctx) => messageView(ctx, ctx.t('members.error.csrfTitle'), ctx.t('members.error.csrfBody')));
          }
          return page(403, (ctx) =>
            messageView(ctx, ctx.t('members.gift.subscribersOnlyTitle'), ctx.t('members.gift.subscribersOnlyBody'), [
              { href: `/${ctx.edition.locale}/subscribe`, label: ctx.t('members.account.seePlans') },
            ]),
          );
        case 'not_found':
          return notFoundPage(request, reply, deps);
        case 'conflict':
          if (reason === 'subscription_renews') {
            return page(409, (ctx) => messageView(ctx, ctx.t('members.delete.renewsTitle'), ctx.t('members.delete.renewsBody'), account(ctx)));
          }
          return page(409, (ctx) => messageView(ctx, ctx.t('members.subscribe.alreadyTitle'), ctx.t('members.subscribe.alreadyBody'), account(ctx)));
        case 'config_invalid':
          return page(503, (ctx) => messageView(ctx, ctx.t('members.subscribe.notConfiguredTitle'), ctx.t('members.subscribe.notConfigured')));
        case 'internal':
          request.log.error({ err: error, reqId: request.id }, 'payment provider request failed');
          return page(502, (ctx) => messageView(ctx, ctx.t('members.error.providerTitle'), [ctx.t('members.error.providerBody'), ctx.t('error.requestId', { id: String(request.id) })]));
        default:
          return page(400, (ctx) => errorView(ctx, 400, String(request.id)));
      }
    }
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return page(400, (ctx) => errorView(ctx, 400, String(request.id)));
    }
    request.log.error({ err: error, reqId: request.id, url: request.url }, 'member page failed');
    return page(500, (ctx) => errorView(ctx, 500, String(request.id)));
  });
}
