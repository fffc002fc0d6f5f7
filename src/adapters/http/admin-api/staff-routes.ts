import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newStaffInput, staffChangesInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P, permitted, requirePermission } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

const idParams = z.object({ id: z.string() });

/** The newsroom's accounts (admins: `staff.manage`). */
export function registerStaffRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { staff } = deps.staff;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const admins = permitted('staff.manage');

  api.get(`${P}/staff`, admins, async () => ({ items: await staff.list() }));

  api.post(`${P}/staff`, { ...admins, schema: { body: newStaffInput } }, async (request, reply) =>
    reply.code(201).send(await staff.create(request.body, requirePermission(request, 'staff.manage'))),
  );

  api.patch(`${P}/staff/:id`, { ...admins, schema: { params: idParams, body: staffChangesInput } }, async (request) =>
    staff.update(request.params.id, request.body, requirePermission(request, 'staff.manage')),
  );

  api.post(`${P}/staff/:id/deactivate`, { ...admins, schema: { params: idParams } }, async (request) =>
    staff.changeLifecycle(request.params.id, 'deactivate', requirePermission(request, 'staff.manage')),
  );

  api.post(`${P}/staff/:id/reactivate`, { ...admins, schema: { params: idParams } }, async (request) =>
    staff.changeLifecycle(request.params.id, 'reactivate', requirePermission(request, 'staff.manage')),
  );

  api.delete(`${P}/staff/:id`, { ...admins, schema: { params: idParams } }, async (request, reply) => {
    await staff.changeLifecycle(request.params.id, 'delete', requirePermission(request, 'staff.manage'));
    return reply.code(204).send();
  });
}
