import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_API_PREFIX as P, permitted } from './admin-auth.js';
import type { StaffRoutesDeps } from './session-routes.js';

const auditQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

/** The audit log, newest first (admins: `audit.read`). */
export function registerAuditRoutes(app: FastifyInstance, deps: StaffRoutesDeps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(`${P}/audit`, { ...permitted('audit.read'), schema: { querystring: auditQuery } }, async (request) =>
      deps.staff.audit.page(request.query.page),
    );
}
