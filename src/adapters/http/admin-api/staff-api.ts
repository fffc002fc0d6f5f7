import type { FastifyInstance } from 'fastify';
import type { StaffModule } from '../../../modules/newsroom/staff/index.js';
import { registerAdminAuth } from './admin-auth.js';
import { registerApiKeyRoutes } from './api-key-routes.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerPasswordResetRoutes } from './password-reset-routes.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerStaffRoutes } from './staff-routes.js';

/** JSON bodies of the staff endpoints are small; anything larger is refused with 413. */
export const STAFF_BODY_LIMIT = 64 * 1024;

/** The "Session and staff" part of the admin API (docs/admin-api.md), in its own scope. */
export function registerStaffApi(app: FastifyInstance, deps: { staff: StaffModule; secureCookies: boolean }): void {
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= STAFF_BODY_LIMIT;
  });
  registerAdminAuth(app, { sessions: deps.staff.sessions, apiKeys: deps.staff.apiKeys, secureCookies: deps.secureCookies });
  registerSessionRoutes(app, deps);
  registerPasswordResetRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
  registerAuditRoutes(app, deps);
}
