import type { KyselyJobQueue } from '../../adapters/db/repositories/jobs/job-queue-kysely.js';
import { EditorialKyselyRepository } from '../../adapters/db/repositories/editorial/editorial-kysely-repository.js';
import { EditorialKyselyReads } from '../../adapters/db/repositories/editorial/editorial-reads.js';
import { TaxonomyKyselyReads } from '../../adapters/db/repositories/taxonomy/taxonomy-kysely-reads.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { registerAdminAuth, requireActor } from '../../adapters/http/admin-api/admin-auth.js';
import { registerEditorialRoutes } from '../../adapters/http/admin-api/editorial-routes.js';
import { registerTaxonomyRoutes } from '../../adapters/http/admin-api/taxonomy-routes.js';
import { jobHandler, type Handlers } from '../../modules/jobs/index.js';
import type { Tx } from '../../modules/jobs/job-queue.js';
import { EditorialService, type EditorialAudit, type PublishScheduler } from '../../modules/newsroom/editorial/editorial-service.js';
import { publishJobKey, publishStoryJob } from '../../modules/newsroom/editorial/publish-job.js';
import { TaxonomyService } from '../../modules/newsroom/taxonomy/taxonomy-service.js';
import type { Services } from '../container.js';
import { createJobQueue } from './jobs-wiring.js';
import { AuditLog } from '../../modules/newsroom/staff/audit-log.js';
import { createStaffStores } from '../../adapters/db/repositories/staff/index.js';
import { adminAuthDeps } from './staff-wiring.js';

/** Scheduling writes the publish job into the same transaction as the status change (the outbox). */
function publishScheduler(queue: KyselyJobQueue): PublishScheduler {
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

export function buildEditorialService(services: Services): EditorialService {
  const audit: EditorialAudit = new AuditLog(createStaffStores(services.database.db).audit, services.clock);
  return new EditorialService({
    repo: new EditorialKyselyRepository(services.database.db, services.pageChanges),
    reads: new EditorialKyselyReads(services.database.db),
    editions: services.editions,
    clock: services.clock,
    scheduler: publishScheduler(createJobQueue(services)),
    audit,
  });
}

/** The scheduled-publishing job: idempotent, so a retry or a second worker changes nothing. */
export function editorialJobHandlers(services: Services): Handlers {
  const editorial = buildEditorialService(services);
  return {
    [publishStoryJob.type]: jobHandler(publishStoryJob.schema, async (payload) => {
      await editorial.publishScheduled(payload.translationId, payload.scheduledFor);
    }),
  };
}

/** Stories, translations, the desk and taxonomy pickers of the admin API, behind staff sessions and API keys. */
export function buildEditorialModule(services: Services): HttpModule {
  const service = buildEditorialService(services);
  const taxonomy = new TaxonomyService({
    reads: new TaxonomyKyselyReads(services.database.db),
    content: services.contentWrite,
    editions: services.editions,
    clock: services.clock,
  });
  return {
    name: 'editorial',
    register(app) {
      registerAdminAuth(app, adminAuthDeps(services));
      registerEditorialRoutes(app, { service, actorOf: requireActor });
      registerTaxonomyRoutes(app, { service: taxonomy, actorOf: requireActor });
    },
  };
}
