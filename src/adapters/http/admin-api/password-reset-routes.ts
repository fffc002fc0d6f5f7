import type { FastifyInstance } from 'fastify';
import { negotiateLocale } from '../../../modules/editions/index.js';
import { parseInput, RESET_MAIL_LOCALES, resetConfirmInput, resetRequestInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

/** Password reset: ask for a link (202 whatever the address), then redeem it with a new password. */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { resets } = deps.staff;

  app.post(`${P}/password-reset`, async (request, reply) => {
    const input = parseInput(resetRequestInput, request.body);
    const locale = negotiateLocale(request.headers['accept-language'], RESET_MAIL_LOCALES, 'en');
    await resets.request(input, request.ip, locale);
    return reply.code(202).send({});
  });

  app.post(`${P}/password-reset/confirm`, async (request, reply) => {
    const input = parseInput(resetConfirmInput, request.body);
    await resets.confirm(input);
    return reply.code(204).send();
  });
}
