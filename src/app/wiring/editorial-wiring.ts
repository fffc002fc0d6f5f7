import type { KyselyJobQueue } from '../../adapters/db/repositories/jobs/job-queue-kysely.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { registerAdminAuth, requireActor } from '../../adapters/http/admin-api/admin-auth.js';
import { registerEditorialRoutes } from '../../adapters/http/admin-api/editorial-routes.js';
import { registerTaxonomyRoutes } from '../../adapters/http/admin-api/taxonomy-routes.js';
import { jobHandler, type Handlers, type Tx } from '../../modules/jobs/index.js';
import { publishJobKey, publishStoryJob, type PublishScheduler } from '../../modules/newsroom/editorial/index.js';
import type { Services, WebServices } from '../services.js';

/** Scheduling writes the publish job into the same transaction as the status change (the outbox). */
export function publishScheduler(queue: KyselyJobQueue): PublishScheduler {
  return {
    async schedule(tx, translationId, runAt) {
      const payload = { translationId, scheduledFor: runAt.toISOString() };
      await queue.enqueue(tx as Tx, publishStoryJob.create(payload, { runAt, idempotencyKey: publishJobKey(translationId, runAt) }));
    },
    async cancel(tx, translationId, runAt) {
      await queue.cancel(tx as Tx, publishJobKey(translationId, runAt));
    },
  };
}

/** The scheduled-publishing job: idempotent, so a retry or a second worker changes nothing. */
export function editorialJobHandlers(services: Services): Handlers {
  const { editorial } = services;
  return {
    [publishStoryJob.type]: jobHandler(publishStoryJob.schema, async (payload) => {
      await editorial.publishScheduled(payload.translationId, payload.scheduledFor);
    }),
  };
}

/** Stories, translations, the desk and taxonomy pickers of the admin API, behind staff sessions and API keys. */
export function buildEditorialModule(web: WebServices): HttpModule {
  return {
    name: 'editorial',
    register(app) {
      registerAdminAuth(app, web.adminAuth);
      registerEditorialRoutes(app, { service: web.editorial, actorOf: requireActor });
      registerTaxonomyRoutes(app, { service: web.taxonomy, actorOf: requireActor });
    },
  };
}
