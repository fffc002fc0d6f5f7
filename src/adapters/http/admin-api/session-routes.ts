import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordInput, setupInput, signInInput, type StaffModule } from '../../../modules/newsroom/staff/index.js';
import { unauthorized } from '../../../shared/errors.js';
import { ADMIN_API_PREFIX as P, checkedBefore, clearStaffCookie, requireActor, setStaffCookie, staffSessionOf } from './admin-auth.js';

export interface StaffRoutesDeps {
  staff: StaffModule;
  secureCookies: boolean;
}

/** First-run setup, sign-in, the current session, sign-out (here and everywhere). */
export function registerSessionRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { signIn, sessions } = deps.staff;
  const api = app.withTypeProvider<ZodTypeProvider>();

  // Answers are described by schemas too where one exists; the rest keep their module's types until
  // the admin API's response schemas are declared once (for the admin app and the OpenAPI document).
  api.get(`${P}/setup`, { schema: { response: { 200: z.object({ needed: z.boolean() }) } } }, async () => ({
    needed: await signIn.setupNeeded(),
  }));

  api.post(`${P}/setup`, { schema: { body: setupInput } }, async (request, reply) => {
    const { staff, session } = await signIn.setup(request.body);
    setStaffCookie(reply, session.token, deps.secureCookies);
    return reply.code(201).send({ staff, csrfToken: session.csrfToken });
  });

  api.post(`${P}/session`, { schema: { body: signInInput } }, async (request, reply) => {
    const { staff, session } = await signIn.signIn(request.body, request.ip);
    setStaffCookie(reply, session.token, deps.secureCookies);
    return reply.code(200).send({ staff, csrfToken: session.csrfToken });
  });

  app.get(`${P}/session`, async (request) => {
    const session = staffSessionOf(request);
    if (!session) throw unauthorized();
    return { staff: session.staff, csrfToken: session.csrfToken };
  });

  app.delete(`${P}/session`, async (request, reply) => {
    const session = staffSessionOf(request);
    if (session) await sessions.end(session.sessionId);
    clearStaffCookie(reply, deps.secureCookies);
    return reply.code(204).send();
  });

  api.post(`${P}/session/password`, { ...checkedBefore(signedInStaff), schema: { body: changePasswordInput } }, async (request, reply) => {
    const session = signedInStaff(request);
    await signIn.changePassword(session.staff.id, session.sessionId, request.body);
    return reply.code(204).send();
  });

  app.post(`${P}/session/sign-out-everywhere`, async (request, reply) => {
    const actor = requireActor(request);
    if (!staffSessionOf(request)) throw unauthorized('Only a signed-in staff member can sign out everywhere');
    await signIn.signOutEverywhere(actor);
    clearStaffCookie(reply, deps.secureCookies);
    return reply.code(204).send();
  });
}

/** The cookie session of a signed-in staff member; 401 for anonymous requests and API keys. */
function signedInStaff(request: FastifyRequest) {
  requireActor(request);
  const session = staffSessionOf(request);
  if (!session) throw unauthorized('Only a signed-in staff member can change their password');
  return session;
}
