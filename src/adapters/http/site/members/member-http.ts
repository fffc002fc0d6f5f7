import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition, Editions } from '../../../../modules/editions/index.js';
import {
  GIFT_COOKIE_MAX_TOKENS,
  looksLikeToken,
  type MembersModule,
  type PlansConfig,
  type ResolvedMemberSession,
} from '../../../../modules/members/index.js';
import { safeEqual } from '../../../../shared/tokens.js';
import type { PaywallConfig } from '../../../../modules/paywall/index.js';
import type { Clock } from '../../../../shared/clock.js';
import { forbidden } from '../../../../shared/errors.js';
import { parseCookies, serializeCookie, type CookieOptions } from '../../plugins/cookies.js';
import { toPage } from '../../plugins/page-cache.js';
import { pathOf } from '../../plugins/request-path.js';
import { COOKIE_PREFIX } from '../../plugins/reader-identity.js';
import { CONTENT_SECURITY_POLICY } from '../../plugins/security-headers.js';
import type { PageContext } from '../page-context.js';
import { NO_STORE, sendPage } from '../reply-html.js';
import type { SitePages } from '../site-pages.js';
import { editionParam } from '../routes/site-params.js';
import type { Rendered } from '../views/listing-views.js';

/**
 * What the member pages share: their dependencies, the cookies they set, form bodies, CSRF checks
 * and sending a page. Cookies: `mh_member` (session), `mh_csrf` (double-submit token for forms sent
 * before signing in), `mh_gift` (redeemed gift links). All HttpOnly, SameSite=Lax, Secure on https.
 */
export const MEMBER_COOKIE = `${COOKIE_PREFIX}member`;
export const CSRF_COOKIE = `${COOKIE_PREFIX}csrf`;
export const GIFT_COOKIE = `${COOKIE_PREFIX}gift`;
/** The browser keeps the session cookie long; the server ends the session (30 days after last use). */
const MEMBER_COOKIE_MAX_AGE = 400 * 24 * 3600;
/** A pre-session form token lives two hours: long enough to fill a form, short for the page cache. */
const CSRF_COOKIE_MAX_AGE = 2 * 3600;
const FORM_BODY_LIMIT = 16 * 1024;

export interface MemberSiteDeps {
  members: MembersModule;
  editions: Editions;
  pages: SitePages;
  plans: PlansConfig;
  paywall: PaywallConfig;
  clock: Clock;
  secureCookies: boolean;
  /** Origins our forms may be redirected to (the payment provider's checkout and portal). */
  providerOrigins: readonly string[];
}

/** Form posts arrive urlencoded; this scope reads them into flat string fields (first value wins). */
export function registerFormParser(app: FastifyInstance): void {
  if (app.hasContentTypeParser('application/x-www-form-urlencoded')) return;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(String(body))) if (!(key in fields)) fields[key] = value;
      done(null, fields);
    },
  );
}

export function formOf(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  if (!body || typeof body !== 'object') return {};
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[key] = first;
  }
  return fields;
}

export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  return parseCookies(request.headers.cookie).get(name);
}

/** The gift redemption tokens a browser holds (the mh_gift cookie: tokens joined by dots). */
export function heldGiftTokens(cookieHeader: string | undefined): string[] {
  const value = parseCookies(cookieHeader).get(GIFT_COOKIE);
  return value ? value.split('.').filter(Boolean).slice(0, GIFT_COOKIE_MAX_TOKENS) : [];
}

/** Adds a Set-Cookie, replacing one of the same name set earlier in this response. */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const current = reply.getHeader('set-cookie');
  const others = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).filter(
    (c) => !c.startsWith(`${name}=`),
  );
  reply.removeHeader('set-cookie');
  reply.header('set-cookie', [...others, serializeCookie(name, value, options)]);
}

export function setMemberCookie(reply: FastifyReply, deps: MemberSiteDeps, token: string): void {
  setCookie(reply, MEMBER_COOKIE, token, { maxAge: MEMBER_COOKIE_MAX_AGE, secure: deps.secureCookies });
}

export function clearMemberCookie(reply: FastifyReply, deps: MemberSiteDeps): void {
  setCookie(reply, MEMBER_COOKIE, '', { maxAge: 0, secure: deps.secureCookies });
}

const sessions = new WeakMap<FastifyRequest, ResolvedMemberSession | null>();

/** The signed-in member of this request (resolved once), clearing a cookie that no longer works. */
export async function currentMember(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: MemberSiteDeps,
): Promise<ResolvedMemberSession | null> {
  if (sessions.has(request)) return sessions.get(request) ?? null;
  const token = cookieOf(request, MEMBER_COOKIE);
  const resolved = token ? await deps.members.sessions.resolve(token) : null;
  if (token !== undefined && !resolved) clearMemberCookie(reply, deps);
  sessions.set(request, resolved);
  return resolved;
}

/**
 * The CSRF token for a form: the session's when signed in, else the double-submit `mh_csrf`
 * cookie's (set here when missing).
 */
export function formToken(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: MemberSiteDeps,
  session: ResolvedMemberSession | null,
): string {
  if (session) return session.session.csrfToken;
  const existing = cookieOf(request, CSRF_COOKIE);
  if (looksLikeToken(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  setCookie(reply, CSRF_COOKIE, token, { maxAge: CSRF_COOKIE_MAX_AGE, secure: deps.secureCookies });
  return token;
}

/** Refuses (403, reason csrf) a form whose `csrf` field is not the session's, or the mh_csrf cookie's. */
export function checkCsrf(request: FastifyRequest, form: Record<string, string>, session: ResolvedMemberSession | null): void {
  const sent = form.csrf ?? '';
  const expected = session ? session.session.csrfToken : cookieOf(request, CSRF_COOKIE);
  if (!sent || !expected || !safeEqual(sent, expected))
    throw forbidden('This form has expired; reload the page and try again', { reason: 'csrf' });
}

/** The edition of `/:locale/...`, or null (the route answers 404). */
/** The member pages' path: `/:locale/...` names an edition (else the localized 404, member-errors.ts). */
export const memberParams = (editions: Editions) => z.object({ locale: editionParam(editions) });

/** Renders a member page in the edition's layout, the signed-in member named in its header: never cached, never stored. */
export async function sendMemberPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: MemberSiteDeps,
  edition: Edition,
  view: (ctx: PageContext) => Rendered,
  options: { status?: number; redirectsToProvider?: boolean; signedOut?: boolean } = {},
) {
  // `signedOut`: the page that follows ending the session (the cookie is cleared in this response).
  const session = options.signedOut ? null : await currentMember(request, reply, deps);
  const member = session ? { email: session.member.email } : null;
  const ctx = await deps.pages.context(edition, pathOf(request.url), request.log, member);
  const html = deps.pages.page(ctx, view(ctx));
  if (options.redirectsToProvider && deps.providerOrigins.length > 0)
    reply.header('content-security-policy', withFormAction(deps.providerOrigins));
  return sendPage(request, reply, toPage(html), NO_STORE, options.status ?? 200);
}

/**
 * Our CSP allows forms to post to this site only, and browsers apply `form-action` to the
 * redirect that follows: pages whose forms end at the payment provider also allow its origins.
 */
function withFormAction(origins: readonly string[]): string {
  return CONTENT_SECURITY_POLICY.replace("form-action 'self'", `form-action 'self' ${origins.join(' ')}`);
}

/** A redirect after a form (303: the browser follows with GET). */
export function seeOther(reply: FastifyReply, location: string) {
  reply.header('cache-control', NO_STORE);
  return reply.redirect(location, 303);
}
