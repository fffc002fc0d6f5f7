import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Edition } from '../../../../modules/editions/index.js';
import type { ResolvedMemberSession } from '../../../../modules/members/index.js';
import { NO_STORE } from '../reply-html.js';
import { pathOf } from '../../plugins/request-path.js';
import { accountView, deletedView, deleteView } from './account-views.js';
import {
  checkCsrf,
  clearMemberCookie,
  currentMember,
  memberParams,
  formOf,
  seeOther,
  sendMemberPage,
  type MemberSiteDeps,
} from './member-http.js';

/**
 * The account pages: overview, preferred edition, billing portal, sign out everywhere, data
 * download and deletion. Anonymous readers are sent to sign in and brought back.
 */
export function registerAccountRoutes(app: FastifyInstance, deps: MemberSiteDeps): void {
  const { members } = deps;
  const site = app.withTypeProvider<ZodTypeProvider>();
  const schema = { params: memberParams(deps.editions) };

  /** The edition and the signed-in member, or the answer already sent (to sign in). */
  async function signedIn(
    request: FastifyRequest<{ Params: { locale: Edition } }>,
    reply: FastifyReply,
  ): Promise<{ edition: Edition; session: ResolvedMemberSession } | null> {
    const { locale: edition } = request.params;
    const session = await currentMember(request, reply, deps);
    if (!session) {
      const back = request.method === 'GET' ? pathOf(request.url) : `/${edition.locale}/account`;
      await seeOther(reply, `/${edition.locale}/sign-in?return=${encodeURIComponent(back)}`);
      return null;
    }
    if (request.method === 'POST') checkCsrf(request, formOf(request), session);
    return { edition, session };
  }

  site.get('/:locale/account', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    const { member, session } = found.session;
    const overview = await members.accounts.overview(member);
    const page = { member, overview, plans: deps.plans, csrf: session.csrfToken, paymentsConfigured: members.billing.configured };
    return sendMemberPage(request, reply, deps, found.edition, (ctx) => accountView(ctx, page), { redirectsToProvider: true });
  });

  site.post('/:locale/account/edition', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    const edition = formOf(request).edition ?? '';
    await members.accounts.setPreferredEdition(found.session.member, edition);
    return seeOther(reply, `/${edition}/account`);
  });

  site.post('/:locale/account/billing', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    const portal = await members.billing.portal(found.session.member, found.edition.locale);
    return seeOther(reply, portal.url);
  });

  site.post('/:locale/account/sign-out-everywhere', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    await members.sessions.endAll(found.session.member.id);
    clearMemberCookie(reply, deps);
    return seeOther(reply, `/${found.edition.locale}/sign-in`);
  });

  site.get('/:locale/account/data.json', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    const data = await members.accounts.exportData(found.session.member);
    return reply
      .header('cache-control', NO_STORE)
      .header('content-disposition', 'attachment; filename="my-account-data.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  site.get('/:locale/account/delete', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    const csrf = found.session.session.csrfToken;
    return sendMemberPage(request, reply, deps, found.edition, (ctx) => deleteView(ctx, csrf));
  });

  site.post('/:locale/account/delete', { schema }, async (request, reply) => {
    const found = await signedIn(request, reply);
    if (!found) return reply;
    await members.accounts.deleteAccount(found.session.member);
    clearMemberCookie(reply, deps);
    return sendMemberPage(request, reply, deps, found.edition, deletedView, { signedOut: true });
  });
}
