import type { FastifyInstance } from 'fastify';
import { newApiKeyInput, parseInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P, requirePermission } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

/** API keys for integrations (admins: `apiKey.manage`); the secret is in the creation answer only. */
export function registerApiKeyRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { apiKeys } = deps.staff;

  app.get(`${P}/api-keys`, async (request) => {
    requirePermission(request, 'apiKey.manage');
    return { items: await apiKeys.list() };
  });

  app.post(`${P}/api-keys`, async (request, reply) => {
    const actor = requirePermission(request, 'apiKey.manage');
    const input = parseInput(newApiKeyInput, request.body);
    return reply.code(201).send(await apiKeys.create(input, actor));
  });

  app.delete<{ Params: { id: string } }>(`${P}/api-keys/:id`, async (request, reply) => {
    const actor = requirePermission(request, 'apiKey.manage');
    await apiKeys.revoke(request.params.id, actor);
    return reply.code(204).send();
  });
}
