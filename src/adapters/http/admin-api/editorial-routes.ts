import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EditorialService } from '../../../modules/newsroom/editorial/index.js';
import {
  correctionSchema,
  createStorySchema,
  listQuerySchema,
  newTranslationSchema,
  revisionsQuerySchema,
  transitionSchema,
  updateTranslationSchema,
} from '../../../modules/newsroom/editorial/index.js';
import type { Actor } from '../../../modules/newsroom/index.js';
import { ADMIN_API_PREFIX as PREFIX } from './admin-auth.js';

export interface EditorialRoutesDeps {
  service: EditorialService;
  /** The authenticated actor of a request (throws `unauthorized` when there is none). */
  actorOf(request: FastifyRequest): Actor | Promise<Actor>;
}

const idParams = z.object({ id: z.string() });
const revisionParams = z.object({ id: z.string(), revisionId: z.string() });
const versionBody = updateTranslationSchema.pick({ version: true });
/** An instant in any form `Date.parse` reads, normalized to ISO 8601 UTC. */
const isoDate = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO date')
  .transform((value) => new Date(value).toISOString());

/**
 * Stories and translations for the newsroom: each route's schema validates its params, query and
 * body (a failure is a 400 naming the fields, api-errors.ts), after the caller is authenticated
 * (an anonymous request is a 401 before its input is looked at); the handler calls one use case.
 */
export function registerEditorialRoutes(app: FastifyInstance, deps: EditorialRoutesDeps): void {
  const { service, actorOf } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  /** Who acts is known before the input is validated: no caller learns about input they may not send. */
  const authenticated = {
    preValidation: async (request: FastifyRequest) => {
      await actorOf(request);
    },
  };

  api.get(`${PREFIX}/stories`, { ...authenticated, schema: { querystring: listQuerySchema } }, async (request) =>
    service.list(await actorOf(request), request.query),
  );

  api.get(
    `${PREFIX}/stories/calendar`,
    { ...authenticated, schema: { querystring: z.object({ from: isoDate, to: isoDate }) } },
    async (request) => ({ items: await service.calendar(await actorOf(request), request.query.from, request.query.to) }),
  );

  api.post(`${PREFIX}/stories`, { ...authenticated, schema: { body: createStorySchema } }, async (request, reply) => {
    const created = await service.createStory(await actorOf(request), request.body);
    return reply.code(201).send(created);
  });

  api.post(
    `${PREFIX}/stories/:storyId/translations`,
    { ...authenticated, schema: { params: z.object({ storyId: z.string() }), body: newTranslationSchema } },
    async (request, reply) => {
      const actor = await actorOf(request);
      // The source is the story's original language version.
      const source = await service.originalOf(actor, request.params.storyId);
      return reply.code(201).send(await service.startTranslation(actor, source.id, request.body));
    },
  );

  api.get(`${PREFIX}/translations/:id`, { ...authenticated, schema: { params: idParams } }, async (request) =>
    service.get(await actorOf(request), request.params.id),
  );

  api.put(
    `${PREFIX}/translations/:id`,
    { ...authenticated, schema: { params: idParams, body: updateTranslationSchema } },
    async (request) => service.update(await actorOf(request), request.params.id, request.body),
  );

  api.post(
    `${PREFIX}/translations/:id/transitions`,
    { ...authenticated, schema: { params: idParams, body: transitionSchema } },
    async (request) => service.transition(await actorOf(request), request.params.id, request.body),
  );

  api.get(
    `${PREFIX}/translations/:id/revisions`,
    { ...authenticated, schema: { params: idParams, querystring: revisionsQuerySchema } },
    async (request) => service.revisions(await actorOf(request), request.params.id, request.query),
  );

  api.get(
    `${PREFIX}/translations/:id/revisions/:revisionId/diff`,
    { ...authenticated, schema: { params: revisionParams } },
    async (request) => service.diff(await actorOf(request), request.params.id, request.params.revisionId),
  );

  api.post(
    `${PREFIX}/translations/:id/revisions/:revisionId/restore`,
    { ...authenticated, schema: { params: revisionParams, body: versionBody } },
    async (request) => service.restore(await actorOf(request), request.params.id, request.params.revisionId, request.body.version),
  );

  api.get(`${PREFIX}/translations/:id/corrections`, { ...authenticated, schema: { params: idParams } }, async (request) => {
    await service.get(await actorOf(request), request.params.id);
    return { items: await service.corrections(request.params.id) };
  });

  api.post(
    `${PREFIX}/translations/:id/corrections`,
    { ...authenticated, schema: { params: idParams, body: correctionSchema } },
    async (request, reply) => {
      const correction = await service.addCorrection(await actorOf(request), request.params.id, request.body);
      return reply.code(201).send(correction);
    },
  );

  api.get(`${PREFIX}/translations/:id/source-changes`, { ...authenticated, schema: { params: idParams } }, async (request) =>
    service.sourceChanges(await actorOf(request), request.params.id),
  );

  api.post(
    `${PREFIX}/translations/:id/mark-synced`,
    { ...authenticated, schema: { params: idParams, body: versionBody } },
    async (request) => service.markSynced(await actorOf(request), request.params.id, request.body.version),
  );

  api.get(
    `${PREFIX}/translation-desk`,
    { ...authenticated, schema: { querystring: z.object({ locale: z.string().min(1, 'required') }) } },
    async (request) => ({ items: await service.desk(await actorOf(request), request.query.locale) }),
  );
}
