import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action, type Actor, type Target } from '../../../modules/newsroom/index.js';
import { SESSION_TTL_MS, type ApiKeyService, type SessionService, type Staff } from '../../../modules/newsroom/staff/index.js';
import { forbidden, unauthorized } from '../../../shared/errors.js';
import { COOKIE_PREFIX } from '../plugins/reader-identity.js';
import { safeEqual } from '../../../shared/tokens.js';
import { parseCookies, serializeCookie } from '../plugins/cookies.js';

/**
 * Who is acting on the admin API. `registerAdminAuth(scope, deps)` adds one onRequest hook to a
 * Fastify scope: it resolves `request.actor` from the `mh_staff` session cookie or an
 * `Authorization: Bearer mh_live_…` API key, and refuses a state-changing cookie request whose
 * `x-csrf-token` header does not match the session's (403 `forbidden`, details.reason 'csrf').
 * Routes then call `requireActor` or `requirePermission`; the permission matrix is `can()`.
 */
export const ADMIN_API_PREFIX = '/admin/api/v1';
export const STAFF_COOKIE = `${COOKIE_PREFIX}staff`;
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin auth hook: a signed-in staff member, an API key's actor, or null (anonymous). */
    actor: Actor | null;
  }
}

export interface AdminAuthDeps {
  sessions: Pick<SessionService, 'resolve'>;
  apiKeys: Pick<ApiKeyService, 'authenticate'>;
  /** Whether the cookie carries `Secure` (the public URL is https). */
  secureCookies: boolean;
}

/** The cookie session behind a request, when it was authenticated by one. */
export interface StaffSessionContext {
  sessionId: string;
  csrfToken: string;
  staff: Staff;
}

/** Requests whose credentials were resolved, with their session (null: anonymous or API key). */
const resolvedRequests = new WeakMap<FastifyRequest, StaffSessionContext | null>();

export function registerAdminAuth(app: FastifyInstance, deps: AdminAuthDeps): void {
  if (!app.hasRequestDecorator('actor')) app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (resolvedRequests.has(request)) return;
    resolvedRequests.set(request, null);
    request.actor = null;
    reply.header('cache-control', 'no-store');

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const secret = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
      const actor = secret ? await deps.apiKeys.authenticate(secret) : null;
      if (!actor) throw unauthorized('This API key is not valid or was revoked', { reason: 'api_key' });
      request.actor = actor;
      return;
    }

    const token = parseCookies(request.headers.cookie).get(STAFF_COOKIE);
    if (!token) return;
    const session = await deps.sessions.resolve(token);
    if (!session) {
      clearStaffCookie(reply, deps.secureCookies);
      return;
    }
    if (session.renewedUntil) setStaffCookie(reply, token, deps.secureCookies);
    if (STATE_CHANGING.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw forbidden(`This request needs the ${CSRF_HEADER} header of the session`, { reason: 'csrf' });
      }
    }
    request.actor = session.actor;
    resolvedRequests.set(request, { sessionId: session.sessionId, csrfToken: session.csrfToken, staff: session.staff });
  });
}

/**
 * The actor of this request, or 401 `unauthorized`. Throws a plain Error (500) when the route's
 * scope never called registerAdminAuth: a wiring mistake, not the caller's.
 */
export function requireActor(request: FastifyRequest): Actor {
  if (!resolvedRequests.has(request)) {
    throw new Error(`requireActor: no admin auth hook in the scope of ${request.method} ${request.routeOptions.url}`);
  }
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** The actor, if the permission matrix lets them do `action` (on `target`); else 401 or 403 `forbidden`. */
export function requirePermission(request: FastifyRequest, action: Action, target?: Target): Actor {
  const actor = requireActor(request);
  if (!can(actor, action, target)) throw forbidden('Your role does not allow this', { action, role: actor.role });
  return actor;
}

/**
 * Route options that check the caller before the route's schema looks at its input: 401 or 403
 * comes first, so nobody learns what input an endpoint takes that they may not call. The handler
 * then reads the actor with `requireActor`/`requirePermission` (the same answer, at no cost).
 */
export function checkedBefore(check: (request: FastifyRequest) => unknown) {
  return {
    preValidation: async (request: FastifyRequest) => {
      check(request);
    },
  };
}

/** `checkedBefore` for a permission: `{ ...permitted('staff.manage'), schema }`. */
export const permitted = (action: Action) => checkedBefore((request) => requirePermission(request, action));

/** The cookie session of the request (null for API keys and anonymous requests). */
export function staffSessionOf(request: FastifyRequest): StaffSessionContext | null {
  return resolvedRequests.get(request) ?? null;
}

/** Sessions expire SESSION_TTL_MS after their last use; so does the cookie, renewed with them. */
export function setStaffCookie(reply: FastifyReply, token: string, secure: boolean): void {
  replaceStaffCookie(reply, serializeCookie(STAFF_COOKIE, token, { maxAge: SESSION_TTL_MS / 1000, secure }));
}

export function clearStaffCookie(reply: FastifyReply, secure: boolean): void {
  replaceStaffCookie(reply, serializeCookie(STAFF_COOKIE, '', { maxAge: 0, secure }));
}

/** One mh_staff cookie per response: the last decision replaces an earlier one. */
function replaceStaffCookie(reply: FastifyReply, cookie: string): void {
  const current = reply.getHeader('set-cookie');
  const others = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).filter(
    (c) => !c.startsWith(`${STAFF_COOKIE}=`),
  );
  reply.removeHeader('set-cookie');
  reply.header('set-cookie', [...others, cookie]);
}
