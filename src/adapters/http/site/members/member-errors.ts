import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PaymentProviderError } from '../../../../modules/members/payments/index.js';
import { asAppError, type AppError } from '../../../../shared/errors.js';
import { logRequestError } from '../../api-errors.js';
import type { PageContext } from '../page-context.js';
import { errorEdition } from '../routes/error-pages.js';
import { errorView, type Rendered } from '../views/listing-views.js';
import { sendMemberPage, type MemberSiteDeps } from './member-http.js';
import { messageView } from './sign-in-views.js';

export function notFoundPage(request: FastifyRequest, reply: FastifyReply, deps: MemberSiteDeps) {
  return sendMemberPage(request, reply, deps, errorEdition(deps, request), (ctx) => errorView(ctx, 404, String(request.id)), {
    status: 404,
  });
}

/** What a member page answers for an error: its status and the page that says what happened (null: the not-found page). */
export interface MemberErrorPage {
  status: number;
  view: ((ctx: PageContext, requestId: string) => Rendered) | null;
  retryAfterSeconds?: number;
}

/** A message page; its texts are translator calls with literal keys, so the catalog test sees every key used. */
const message =
  (texts: (t: PageContext['t']) => [string, string], links?: (ctx: PageContext) => { href: string; label: string }[]) =>
  (ctx: PageContext) =>
    messageView(ctx, ...texts(ctx.t), links?.(ctx));
const toAccount = (ctx: PageContext) => [{ href: `/${ctx.edition.locale}/account`, label: ctx.t('members.signIn.toAccount') }];
const toPlans = (ctx: PageContext) => [{ href: `/${ctx.edition.locale}/subscribe`, label: ctx.t('members.account.seePlans') }];
const serverError: MemberErrorPage = { status: 500, view: (ctx, id) => errorView(ctx, 500, id) };

/**
 * The one mapping of errors to member pages, by code and reason, so each page says what actually
 * happened: 400 bad input, 403 an expired form / gift links for subscribers only / anything else
 * not allowed, 404, 409 (already subscribed, a subscription still renewing, another conflict), 429
 * with Retry-After, 503 when payments are not configured, 502 only when the payment provider
 * failed; any other error is ours: 500, never a stack trace.
 */
export function memberErrorPage(error: AppError): MemberErrorPage {
  switch (error.code) {
    case 'rate_limited': {
      const seconds = typeof error.details.retryAfterSeconds === 'number' ? error.details.retryAfterSeconds : 60;
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      return {
        status: 429,
        retryAfterSeconds: seconds,
        view: (ctx) => messageView(ctx, ctx.t('members.error.rateLimitedTitle'), ctx.t('members.error.rateLimitedBody', { minutes })),
      };
    }
    case 'forbidden':
      if (error.reason === 'csrf')
        return { status: 403, view: message((t) => [t('members.error.csrfTitle'), t('members.error.csrfBody')]) };
      if (error.reason === 'not_subscriber')
        return {
          status: 403,
          view: message((t) => [t('members.gift.subscribersOnlyTitle'), t('members.gift.subscribersOnlyBody')], toPlans),
        };
      return { status: 403, view: message((t) => [t('members.error.forbiddenTitle'), t('members.error.forbiddenBody')]) };
    case 'not_found':
      return { status: 404, view: null };
    case 'conflict':
      if (error.reason === 'subscription_renews')
        return { status: 409, view: message((t) => [t('members.delete.renewsTitle'), t('members.delete.renewsBody')], toAccount) };
      if (error.reason === 'already_subscribed')
        return { status: 409, view: message((t) => [t('members.subscribe.alreadyTitle'), t('members.subscribe.alreadyBody')], toAccount) };
      return { status: 409, view: message((t) => [t('members.error.conflictTitle'), t('members.error.conflictBody')]) };
    case 'config_invalid':
      if (error.reason === 'payments_not_configured')
        return { status: 503, view: message((t) => [t('members.subscribe.notConfiguredTitle'), t('members.subscribe.notConfigured')]) };
      return serverError;
    case 'internal':
      if (error instanceof PaymentProviderError) {
        return {
          status: 502,
          view: (ctx, id) =>
            messageView(ctx, ctx.t('members.error.providerTitle'), [ctx.t('members.error.providerBody'), ctx.t('error.requestId', { id })]),
        };
      }
      return serverError;
    default:
      return { status: 400, view: (ctx, id) => errorView(ctx, 400, id) };
  }
}

/** Errors of the member pages as localized pages (`memberErrorPage`), each logged once with the request id. */
export function registerMemberErrors(app: FastifyInstance, deps: MemberSiteDeps): void {
  app.setErrorHandler(async (thrown, request, reply) => {
    // A path that fails its route schema (`memberParams`: an unknown edition) names nothing: 404.
    if (hasZodFastifySchemaValidationErrors(thrown) && thrown.validationContext === 'params') return notFoundPage(request, reply, deps);
    const classified = asAppError(thrown);
    logRequestError(
      request,
      classified,
      thrown,
      classified.error instanceof PaymentProviderError ? 'payment provider request failed' : 'member page failed',
    );
    const answer = memberErrorPage(classified.error);
    if (!answer.view) return notFoundPage(request, reply, deps);
    if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
    const view = answer.view;
    return sendMemberPage(request, reply, deps, errorEdition(deps, request), (ctx) => view(ctx, String(request.id)), {
      status: answer.status,
    });
  });
}
