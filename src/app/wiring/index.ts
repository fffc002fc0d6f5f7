import type { HttpModule } from '../../adapters/http/app.js';
import type { Services } from '../container.js';
import type { Handlers } from '../../modules/jobs/index.js';
import { buildAdminAppModule } from './admin-app-wiring.js';
import { buildEditorialModule, editorialJobHandlers } from './editorial-wiring.js';
import { mailJobHandlers } from './mail-wiring.js';
import { buildMediaModule } from './media-wiring.js';
import { buildMembersModule } from './members-wiring.js';
import { cdnPurgeJobHandlers } from './page-cache-wiring.js';
import { buildStaffModule } from './staff-wiring.js';

/**
 * The HTTP modules beyond the reader site, each built by its own wiring file in this folder from the
 * opened services. Order matters only for readability: each registers its own routes.
 */
export function buildHttpModules(services: Services): HttpModule[] {
  return [buildStaffModule(services), buildEditorialModule(services), buildMediaModule(services), buildMembersModule(services), buildAdminAppModule(services)];
}

/**
 * Every job type's handler, built from the opened services. Features add theirs here; the
 * `masthead worker` command and `start` run whatever this returns.
 */
export function buildJobHandlers(services: Services): Handlers {
  return { ...editorialJobHandlers(services), ...cdnPurgeJobHandlers(services), ...mailJobHandlers(services) };
}
