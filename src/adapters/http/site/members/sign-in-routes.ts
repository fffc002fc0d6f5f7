import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseEmail, safeReturnPath } from '../../../../modules/members/index.js';
import { AppError } from '../../../../shared/errors.js';
import { editionPath } from '../../../../modules/content/index.js';
import {
  checkCsrf,
  clearMemberCookie,
  currentMember,
  memberParams,
  formOf,
  formToken,
  seeOther,
  sendMemberPage,
  setMemberCookie,
  type MemberSiteDeps,
} from './member-http.js';
import { accountPath, checkInboxView, invalidLinkView, signInView, verifyView } from './sign-in-views.js';

/**
 * Sign-in and sign-up by magic link. The request answers 202 with the same page whatever the
 * address; the link's GET only shows a button (mail scanners follow links), its POST signs in.
 */
export function registerSignInRoutes(app: FastifyInstance, deps: MemberSiteDeps): void {
  const { members, editions } = deps;
  const site = app.withTypeProvider<ZodTypeProvider>();
  const params = memberParams(editions);
  /** Query values the pages read: anything else (a repeated parameter) counts as absent, as the pages always did. */
  const optional = z.string().optional().catch(undefined);

  site.get('/:locale/sign-in', { schema: { params, querystring: z.object({ return: optional }) } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const session = await currentMember(request, reply, deps);
    const csrf = formToken(request, reply, deps, null);
    const returnPath = safeReturnPath(request.query.return, accountPath(edition.locale));
    return sendMemberPage(request, reply, deps, edition, (ctx) =>
      signInView(ctx, { csrf, returnPath, signedInAs: session?.member.email ?? null }),
    );
  });

  site.post('/:locale/sign-in', { schema: { params } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const form = formOf(request);
    checkCsrf(request, form, null);
    const returnPath = safeReturnPath(form.return, accountPath(edition.locale));
    let email: string;
    try {
      email = parseEmail(form.email);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const csrf = formToken(request, reply, deps, null);
      return sendMemberPage(
        request,
        reply,
        deps,
        edition,
        (ctx) => signInView(ctx, { csrf, returnPath, signedInAs: null, invalidEmail: true }),
        { status: 400 },
      );
    }
    await members.magicLinks.request({ email, locale: edition.locale, returnPath, clientIp: request.ip });
    return sendMemberPage(request, reply, deps, edition, checkInboxView, { status: 202 });
  });

  site.get('/:locale/sign-in/verify', { schema: { params, querystring: z.object({ token: optional }) } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const link = await members.magicLinks.inspect(request.query.token);
    if (!link) return sendMemberPage(request, reply, deps, edition, invalidLinkView, { status: 400 });
    const csrf = formToken(request, reply, deps, null);
    const token = String(request.query.token);
    return sendMemberPage(request, reply, deps, edition, (ctx) => verifyView(ctx, { token, csrf, purpose: link.purpose }));
  });

  site.post('/:locale/sign-in/verify', { schema: { params } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const form = formOf(request);
    checkCsrf(request, form, null);
    const signedIn = await members.magicLinks.redeem(form.token);
    if (!signedIn) return sendMemberPage(request, reply, deps, edition, invalidLinkView, { status: 400 });
    const previous = await currentMember(request, reply, deps);
    if (previous) await members.sessions.end(previous.session.id);
    setMemberCookie(reply, deps, signedIn.session.token);
    // Checked again: a link stored before today's rules must not break the redirect it ends with.
    return seeOther(reply, safeReturnPath(signedIn.returnPath, accountPath(signedIn.locale)));
  });

  site.post('/:locale/sign-out', { schema: { params } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const session = await currentMember(request, reply, deps);
    if (session) {
      checkCsrf(request, formOf(request), session);
      await members.sessions.end(session.session.id);
    }
    clearMemberCookie(reply, deps);
    return seeOther(reply, editionPath(edition.locale));
  });
}
