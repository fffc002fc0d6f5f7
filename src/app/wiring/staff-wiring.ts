import { createStaffStores } from '../../adapters/db/repositories/staff/index.js';
import type { AdminAuthDeps } from '../../adapters/http/admin-api/admin-auth.js';
import { registerStaffApi } from '../../adapters/http/admin-api/staff-api.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { createStaffAuthentication, createStaffModule } from '../../modules/newsroom/staff/index.js';
import type { Config } from '../config.js';
import type { Services } from '../container.js';
import { enqueueNow } from './jobs-wiring.js';

/** Session cookies are `Secure` when the site is served over https. */
export function secureCookies(config: Config): boolean {
  return config.publicUrl.startsWith('https:');
}

/** Newsroom staff, sign-in and security: the "Session and staff" admin API. */
export function buildStaffModule(services: Services): HttpModule {
  return {
    name: 'staff',
    register(app) {
      const { config, clock } = services;
      const staff = createStaffModule({ stores: createStaffStores(services.database.db), clock, enqueue: enqueueNow(services) });
      registerStaffApi(app, { staff, secureCookies: secureCookies(config) });
    },
  };
}

/**
 * For other HTTP modules: what `registerAdminAuth` needs, built from the services. In your module's
 * `register(app)`, before declaring routes: `registerAdminAuth(app, adminAuthDeps(services))`.
 * Every request in that scope then has `request.actor` (staff cookie or Bearer API key; CSRF
 * enforced on cookie POST/PUT/PATCH/DELETE), and routes call `requireActor(request)` or
 * `requirePermission(request, 'story.publish', target?)` (adapters/http/admin-api/admin-auth.ts).
 */
export function adminAuthDeps(services: Services): AdminAuthDeps {
  const { sessions, apiKeys } = createStaffAuthentication({ stores: createStaffStores(services.database.db), clock: services.clock });
  return { sessions, apiKeys, secureCookies: secureCookies(services.config) };
}

export { registerAdminAuth, requireActor, requirePermission } from '../../adapters/http/admin-api/admin-auth.js';
