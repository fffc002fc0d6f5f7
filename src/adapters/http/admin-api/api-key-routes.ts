import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newApiKeyInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P, permitted, requirePermission } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

/** API keys for integrations (admins: `apiKey.manage`); the secret is in the creation answer only. */
export function registerApiKeyRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { apiKeys } = deps.staff;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const admins = permitted('apiKey.manage');

  api.get(`${P}/api-keys`, admins, async () => ({ items: await apiKeys.list() }));

  api.post(`${P}/api-keys`, { ...admins, schema: { body: newApiKeyInput } }, async (request, reply) =>
    reply.code(201).send(await apiKeys.create(request.body, requirePermission(request, 'apiKey.manage'))),
  );

  api.delete(`${P}/api-keys/:id`, { ...admins, schema: { params: z.object({ id: z.string() }) } }, async (request, reply) => {
    await apiKeys.revoke(request.params.id, requirePermission(request, 'apiKey.manage'));
    return reply.code(204).send();
  });
}
