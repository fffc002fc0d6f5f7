import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BILLING_INTERVALS, hasPaidAccess, openSubscription, planViews, type BillingInterval } from '../../../../modules/members/index.js';
import { invalidInput } from '../../../../shared/errors.js';
import { checkCsrf, currentMember, memberParams, formOf, seeOther, sendMemberPage, type MemberSiteDeps } from './member-http.js';
import { subscribeView, successView, type SubscribeViewer } from './subscribe-views.js';

/**
 * The plans with their benefits, and buying one: the POST starts a hosted checkout and sends the
 * reader there (303). Anonymous readers are asked to sign in first; without a payment provider the
 * paid plans say so instead of offering a button.
 */
export function registerSubscribeRoutes(app: FastifyInstance, deps: MemberSiteDeps): void {
  const { members, editions } = deps;
  const site = app.withTypeProvider<ZodTypeProvider>();
  const schema = { params: memberParams(editions) };

  site.get('/:locale/subscribe', { schema }, async (request, reply) => {
    const { locale: edition } = request.params;
    const session = await currentMember(request, reply, deps);
    let viewer: SubscribeViewer = { kind: 'anonymous' };
    if (session) {
      const overview = await members.accounts.overview(session.member);
      viewer = { kind: 'member', csrf: session.session.csrfToken, subscribed: openSubscription(overview.subscriptions) !== null };
    }
    const plans = planViews(deps.plans, edition.locale, editions.defaultLocale);
    return sendMemberPage(request, reply, deps, edition, (ctx) => subscribeView(ctx, plans, viewer, members.billing.configured), {
      redirectsToProvider: true,
    });
  });

  site.post('/:locale/subscribe', { schema }, async (request, reply) => {
    const { locale: edition } = request.params;
    const session = await currentMember(request, reply, deps);
    const back = `/${edition.locale}/subscribe`;
    if (!session) return seeOther(reply, `/${edition.locale}/sign-in?return=${encodeURIComponent(back)}`);
    const form = formOf(request);
    checkCsrf(request, form, session);
    const interval = form.interval as BillingInterval;
    if (!BILLING_INTERVALS.includes(interval)) throw invalidInput('Unknown billing interval', { field: 'interval' });
    const checkout = await members.billing.checkout(session.member, form.plan ?? '', interval, edition.locale);
    return seeOther(reply, checkout.url);
  });

  site.get('/:locale/subscribe/success', { schema }, async (request, reply) => {
    const { locale: edition } = request.params;
    const session = await currentMember(request, reply, deps);
    const now = deps.clock.now();
    const reader = session ? await members.readerState(session.member.id, now) : null;
    const active = reader !== null && reader.subscription !== null && hasPaidAccess({ ...reader, complimentary: null }, now, deps.paywall);
    return sendMemberPage(request, reply, deps, edition, (ctx) => successView(ctx, active));
  });
}
