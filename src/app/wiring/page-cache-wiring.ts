import { HttpCdnPurger } from '../../adapters/cdn/http-cdn-purger.js';
import { cdnPurgeJob } from '../../modules/content/index.js';
import { jobHandler, type Handlers } from '../../modules/jobs/index.js';
import type { Services } from '../services.js';

/**
 * The `cdn.purge` job: sends a change's page keys to CDN_PURGE_URL. Registered whether or not a
 * purge URL is set, so jobs queued before it was removed are done (as no-ops) rather than left waiting.
 */
export function cdnPurgeJobHandlers(services: Services): Handlers {
  const { purgeUrl, purgeToken } = services.config.cdn;
  const purger = purgeUrl ? new HttpCdnPurger({ url: purgeUrl, token: purgeToken }) : null;
  return {
    [cdnPurgeJob.type]: jobHandler(cdnPurgeJob.schema, async ({ keys }) => {
      await purger?.purge(keys);
    }),
  };
}
