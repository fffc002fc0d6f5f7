import { registerStaffApi } from '../../adapters/http/admin-api/staff-api.js';
import type { HttpModule } from '../../adapters/http/app.js';
import type { WebServices } from '../services.js';

/** Newsroom staff, sign-in and security: the "Session and staff" admin API. */
export function buildStaffModule(web: WebServices): HttpModule {
  return {
    name: 'staff',
    register(app) {
      registerStaffApi(app, { staff: web.staff, secureCookies: web.config.https });
    },
  };
}
