import { z } from 'zod';
import type { KyselyJobQueue } from '../../adapters/db/repositories/jobs/job-queue-kysely.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { registerAdminAuth, requireActor } from '../../adapters/http/admin-api/admin-auth.js';
import { registerEditorialRoutes } from '../../adapters/http/admin-api/editorial-routes.js';
import { registerTaxonomyRoutes } from '../../adapters/http/admin-api/taxonomy-routes.js';
import { jobHandler, type Handlers, type Tx } from '../../modules/jobs/index.js';
import type { PublishScheduler } from '../../modules/newsroom/editorial/index.js';
import type { Services, WebServices } from '../services.js';

export const PUBLISH_JOB = 'story.publish';
const publishKey = (translationId: string, at: Date) => `${PUBLISH_JOB}:${translationId}:${at.toISOString()}`;

/** Scheduling writes the publish job into the same transaction as the status change (the outbox). */
export function publishScheduler(queue: KyselyJobQueue): PublishScheduler {
  return {
    async schedule(tx, translationId, runAt) {
      await queue.enqueue(tx as Tx, { type: PUBLISH_JOB, payload: { translationId, scheduledFor: runAt.toISOString() }, runAt, idempotencyKey: publishKey(translationId, runAt) });
    },
    async cancel(tx, translationId, runAt) {
      await queue.cancel(tx as Tx, publishKey(translationId, runAt));
    },
  };
}

/** The scheduled-publishing job: idempotent, so a retry or a second worker changes nothing. */
export function editorialJobHandlers(services: Services): Handlers {
  const { editorial } = services;
  return {
    [PUBLISH_JOB]: jobHandler(z.object({ translationId: z.string(), scheduledFor: z.string() }), async (payload) => {
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
