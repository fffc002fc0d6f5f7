import type { HttpModule } from '../../adapters/http/app.js';
import type { Handlers } from '../../modules/jobs/index.js';
import type { Services, WebServices } from '../services.js';
import { buildAdminAppModule } from './admin-app-wiring.js';
import { buildEditorialModule, editorialJobHandlers } from './editorial-wiring.js';
import { mailJobHandlers } from './mail-wiring.js';
import { buildMediaModule } from './media-wiring.js';
import { buildMembersModule } from './members-wiring.js';
import { cdnPurgeJobHandlers } from './page-cache-wiring.js';
import { buildStaffModule } from './staff-wiring.js';

/**
 * The HTTP modules beyond the reader site, each registering its routes over the services built once
 * by the composition root (app/container.ts); none of them constructs a service. Order matters only
 * for readability: each registers its own routes.
 */
export function buildHttpModules(web: WebServices): HttpModule[] {
  return [buildStaffModule(web), buildEditorialModule(web), buildMediaModule(web), buildMembersModule(web), buildAdminAppModule()];
}

/**
 * Every job type's handler, over the opened services. Features add theirs here; the
 * `masthead worker` command and `start` run whatever this returns.
 */
export function buildJobHandlers(services: Services): Handlers {
  return { ...editorialJobHandlers(services), ...cdnPurgeJobHandlers(services), ...mailJobHandlers(services) };
}
