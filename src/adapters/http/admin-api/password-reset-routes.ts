import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { negotiateLocale } from '../../../modules/editions/index.js';
import { RESET_MAIL_LOCALES, resetConfirmInput, resetRequestInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

/** Password reset: ask for a link (202 whatever the address), then redeem it with a new password. */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { resets } = deps.staff;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(`${P}/password-reset`, { schema: { body: resetRequestInput } }, async (request, reply) => {
    const locale = negotiateLocale(request.headers['accept-language'], RESET_MAIL_LOCALES, 'en');
    await resets.request(request.body, request.ip, locale);
    return reply.code(202).send({});
  });

  api.post(`${P}/password-reset/confirm`, { schema: { body: resetConfirmInput } }, async (request, reply) => {
    await resets.confirm(request.body);
    return reply.code(204).send();
  });
}
