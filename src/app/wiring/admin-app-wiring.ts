import { join } from 'node:path';
import type { HttpModule } from '../../adapters/http/app.js';
import { registerAdminAppRoutes } from '../../adapters/http/admin-app/admin-app-routes.js';
import { packageRoot } from '../paths.js';

/** The newsroom app's files under /admin, from the Vite build in dist/admin (scripts/build.mjs). */
export function buildAdminAppModule(): HttpModule {
  const distDir = join(packageRoot(), 'dist', 'admin');
  return { name: 'admin-app', register: (app) => registerAdminAppRoutes(app, { distDir }) };
}
