import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P, requirePermission } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

const auditQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

/** The audit log, newest first (admins: `audit.read`). */
export function registerAuditRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  app.get(`${P}/audit`, async (request) => {
    requirePermission(request, 'audit.read');
    const { page } = parseInput(auditQuery, request.query);
    return deps.staff.audit.page(page);
  });
}
