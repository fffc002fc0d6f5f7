import type { FastifyInstance } from 'fastify';
import { parseEmail, safeReturnPath } from '../../../../modules/members/index.js';
import { AppError } from '../../../../shared/errors.js';
import { editionPath } from '../../../../modules/content/index.js';
import {
  checkCsrf,
  clearMemberCookie,
  currentMember,
  editionOf,
  formOf,
  formToken,
  seeOther,
  sendMemberPage,
  setMemberCookie,
  type MemberSiteDeps,
} from './member-http.js';
import { notFoundPage } from './member-errors.js';
import { accountPath, checkInboxView, invalidLinkView, signInView, verifyView } from './sign-in-views.js';

type Params = { locale: string };

/**
 * Sign-in and sign-up by magic link. The request answers 202 with the same page whatever the
 * address; the link's GET only shows a button (mail scanners follow links), its POST signs in.
 */
export function registerSignInRoutes(app: FastifyInstance, deps: MemberSiteDeps): void {
  const { members, editions } = deps;

  app.get<{ Params: Params; Querystring: Record<string, unknown> }>('/:locale/sign-in', async (request, reply) => {
    const edition = editionOf(request, editions);
    if (!edition) return notFoundPage(request, reply, deps);
    const session = await currentMember(request, reply, deps);
    const csrf = formToken(request, reply, deps, null);
    const returnPath = safeReturnPath(request.query.return, accountPath(edition.locale));
    return sendMemberPage(request, reply, deps, edition, (ctx) => signInView(ctx, { csrf, returnPath, signedInAs: session?.member.email ?? null }));
  });

  app.post<{ Params: Params }>('/:locale/sign-in', async (request, reply) => {
    const edition = editionOf(request, editions);
    if (!edition) return notFoundPage(request, reply, deps);
    const form = formOf(request);
    checkCsrf(request, form, null);
    const returnPath = safeReturnPath(form.return, accountPath(edition.locale));
    let email: string;
    try {
      email = parseEmail(form.email);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const csrf = formToken(request, reply, deps, null);
      return sendMemberPage(request, reply, deps, edition, (ctx) => signInView(ctx, { csrf, returnPath, signedInAs: null, invalidEmail: true }), { status: 400 });
    }
    await members.magicLinks.request({ email, locale: edition.locale, returnPath, clientIp: request.ip });
    return sendMemberPage(request, reply, deps, edition, checkInboxView, { status: 202 });
  });

  app.get<{ Params: Params; Querystring: Record<string, unknown> }>('/:locale/sign-in/verify', async (request, reply) => {
    const edition = editionOf(request, editions);
    if (!edition) return notFoundPage(request, reply, deps);
    const link = await members.magicLinks.inspect(request.query.token);
    if (!link) return sendMemberPage(request, reply, deps, edition, invalidLinkView, { status: 400 });
    const csrf = formToken(request, reply, deps, null);
    const token = String(request.query.token);
    return sendMemberPage(request, reply, deps, edition, (ctx) => verifyView(ctx, { token, csrf, purpose: link.purpose }));
  });

  app.post<{ Params: Params }>('/:locale/sign-in/verify', async (request, reply) => {
    const edition = editionOf(request, editions);
    if (!edition) return notFoundPage(request, reply, deps);
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

  app.post<{ Params: Params }>('/:locale/sign-out', async (request, reply) => {
    const edition = editionOf(request, editions);
    if (!edition) return notFoundPage(request, reply, deps);
    const session = await currentMember(request, reply, deps);
    if (session) {
      checkCsrf(request, formOf(request), session);
      await members.sessions.end(session.session.id);
    }
    clearMemberCookie(reply, deps);
    return seeOther(reply, editionPath(edition.locale));
  });
}
