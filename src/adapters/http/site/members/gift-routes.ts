import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Edition } from '../../../../modules/editions/index.js';
import { GIFT_COOKIE_MAX_TOKENS, GIFT_REDEMPTION_TTL_MS, type GiftRedemption } from '../../../../modules/members/index.js';
import { giftCreatedView, giftCreateView, giftLandingView, giftUnavailableView } from './gift-views.js';
import { notFoundPage } from './member-errors.js';
import {
  checkCsrf,
  currentMember,
  memberParams,
  formOf,
  formToken,
  GIFT_COOKIE,
  heldGiftTokens,
  seeOther,
  sendMemberPage,
  setCookie,
  type MemberSiteDeps,
} from './member-http.js';

/**
 * Gift links: a subscriber creates one for a story (`/{locale}/gift/new?story=`), a recipient
 * opens `/{locale}/gift/{token}` and presses the button, which spends one use, sets the mh_gift
 * cookie and sends them to the story.
 */
export function registerGiftRoutes(app: FastifyInstance, deps: MemberSiteDeps): void {
  const { members, editions } = deps;
  const site = app.withTypeProvider<ZodTypeProvider>();
  const params = memberParams(editions);
  const tokenParams = params.extend({ token: z.string() });
  const held = (request: FastifyRequest) => heldGiftTokens(request.headers.cookie);

  async function subscriber(request: FastifyRequest, reply: FastifyReply, edition: Edition, storyId: string) {
    const session = await currentMember(request, reply, deps);
    if (!session) {
      const back = `/${edition.locale}/gift/new?story=${encodeURIComponent(storyId)}`;
      await seeOther(reply, `/${edition.locale}/sign-in?return=${encodeURIComponent(back)}`);
      return null;
    }
    return { session, reader: await members.readerState(session.member.id, deps.clock.now()) };
  }

  // A missing (or repeated) ?story= names no story: the 404 page, as before the schema.
  site.get('/:locale/gift/new', { schema: { params, querystring: z.object({ story: z.string().catch('') }) } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const storyId = request.query.story;
    if (!storyId) return notFoundPage(request, reply, deps);
    const found = await subscriber(request, reply, edition, storyId);
    if (!found) return reply;
    const story = await members.gifts.giftable(found.reader, edition.locale, storyId);
    return sendMemberPage(request, reply, deps, edition, (ctx) => giftCreateView(ctx, story, found.session.session.csrfToken));
  });

  site.post('/:locale/gift/new', { schema: { params } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const form = formOf(request);
    const found = await subscriber(request, reply, edition, form.story ?? '');
    if (!found) return reply;
    checkCsrf(request, form, found.session);
    const { token, link, story } = await members.gifts.create(found.reader, edition.locale, form.story ?? '');
    return sendMemberPage(
      request,
      reply,
      deps,
      edition,
      (ctx) => giftCreatedView(ctx, story, `${ctx.publicUrl}/${edition.locale}/gift/${token}`, link.expiresAt),
      { status: 201 },
    );
  });

  site.get('/:locale/gift/:token', { schema: { params: tokenParams } }, async (request, reply) => {
    const { locale: edition } = request.params;
    const opening = await members.gifts.open(request.params.token, edition.locale, held(request));
    if (opening.status === 'unknown' || !opening.story) return notFoundPage(request, reply, deps);
    if (opening.status === 'expired' || (opening.status === 'exhausted' && !opening.held)) {
      const status = opening.status;
      return sendMemberPage(request, reply, deps, edition, (ctx) => giftUnavailableView(ctx, status), { status: 410 });
    }
    const story = opening.story;
    const csrf = formToken(request, reply, deps, null);
    return sendMemberPage(request, reply, deps, edition, (ctx) => giftLandingView(ctx, story, csrf));
  });

  site.post('/:locale/gift/:token', { schema: { params: tokenParams } }, async (request, reply) => {
    const { locale: edition } = request.params;
    checkCsrf(request, formOf(request), null);
    const holding = held(request);
    const session = await currentMember(request, reply, deps);
    const result: GiftRedemption = await members.gifts.redeem(request.params.token, edition.locale, holding, session?.member.id ?? null);
    if (result.kind === 'unavailable') {
      if (result.status === 'unknown') return notFoundPage(request, reply, deps);
      const status = result.status === 'expired' ? 'expired' : 'exhausted';
      return sendMemberPage(request, reply, deps, edition, (ctx) => giftUnavailableView(ctx, status), { status: 410 });
    }
    if (result.kind === 'redeemed') {
      const tokens = [result.token, ...holding].slice(0, GIFT_COOKIE_MAX_TOKENS);
      setCookie(reply, GIFT_COOKIE, tokens.join('.'), { maxAge: GIFT_REDEMPTION_TTL_MS / 1000, secure: deps.secureCookies });
    }
    return seeOther(reply, result.story.path);
  });
}
