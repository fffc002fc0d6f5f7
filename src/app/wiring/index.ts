import type { HttpModule } from '../../adapters/http/app.js';
import type { Services } from '../container.js';

/**
 * The HTTP modules beyond the reader site, each built by its own wiring file in this folder from the
 * opened services. Order matters only for readability: each registers its own routes.
 */
export function buildHttpModules(_services: Services): HttpModule[] {
  return [];
}
