import type { FastifyInstance } from 'fastify';
import { newStaffInput, parseInput, staffChangesInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P, requirePermission } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

/** The newsroom's accounts (admins: `staff.manage`). */
export function registerStaffRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  const { staff } = deps.staff;

  app.get(`${P}/staff`, async (request) => {
    requirePermission(request, 'staff.manage');
    return { items: await staff.list() };
  });

  app.post(`${P}/staff`, async (request, reply) => {
    const actor = requirePermission(request, 'staff.manage');
    const input = parseInput(newStaffInput, request.body);
    return reply.code(201).send(await staff.create(input, actor));
  });

  app.patch<{ Params: { id: string } }>(`${P}/staff/:id`, async (request) => {
    const actor = requirePermission(request, 'staff.manage');
    const input = parseInput(staffChangesInput, request.body);
    return staff.update(request.params.id, input, actor);
  });

  app.post<{ Params: { id: string } }>(`${P}/staff/:id/deactivate`, async (request) =>
    staff.changeLifecycle(request.params.id, 'deactivate', requirePermission(request, 'staff.manage')),
  );

  app.post<{ Params: { id: string } }>(`${P}/staff/:id/reactivate`, async (request) =>
    staff.changeLifecycle(request.params.id, 'reactivate', requirePermission(request, 'staff.manage')),
  );

  app.delete<{ Params: { id: string } }>(`${P}/staff/:id`, async (request, reply) => {
    await staff.changeLifecycle(request.params.id, 'delete', requirePermission(request, 'staff.manage'));
    return reply.code(204).send();
  });
}
