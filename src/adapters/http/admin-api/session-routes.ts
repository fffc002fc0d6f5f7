import type { FastifyInstance } from 'fastify';
import { changePasswordInput, parseInput, setupInput, signInInput, type StaffModule } from '../../../modules/newsroom/staff/index.js';
import { unauthorized } from '../../../shared/errors.js';
import { ADMIN_API_PREFIX as P, clearStaffCookie, requireActor, setStaffCookie, staffSessionOf } from './admin-auth.js';

export interface StaffRoutesDeps {
  staff: StaffModule;
  secureCookies: boolean;
}

/** First-run setup, sign-in, the current session, sign-out (here and everywhere). */
export function registerSessionRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { signIn, sessions } = deps.staff;

  app.get(`${P}/setup`, async () => ({ needed: await signIn.setupNeeded() }));

  app.post(`${P}/setup`, async (request, reply) => {
    const input = parseInput(setupInput, request.body);
    const { staff, session } = await signIn.setup(input);
    setStaffCookie(reply, session.token, deps.secureCookies);
    return reply.code(201).send({ staff, csrfToken: session.csrfToken });
  });

  app.post(`${P}/session`, async (request, reply) => {
    const input = parseInput(signInInput, request.body);
    const { staff, session } = await signIn.signIn(input, request.ip);
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

  app.post(`${P}/session/password`, async (request, reply) => {
    requireActor(request);
    const session = staffSessionOf(request);
    if (!session) throw unauthorized('Only a signed-in staff member can change their password');
    await signIn.changePassword(session.staff.id, session.sessionId, parseInput(changePasswordInput, request.body));
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
