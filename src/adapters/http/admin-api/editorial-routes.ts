import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
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
import { invalidInput } from '../../../shared/errors.js';
import { ADMIN_API_PREFIX as PREFIX } from './admin-auth.js';

export interface EditorialRoutesDeps {
  service: EditorialService;
  /** The authenticated actor of a request (throws `unauthorized` when there is none). */
  actorOf(request: FastifyRequest): Actor | Promise<Actor>;
}

/** Validates a request part against its schema; a failure names each bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw invalidInput('The request is not valid', {
    fields: result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  });
}

type IdParams = { id: string };
type RevisionParams = { id: string; revisionId: string };

/** Stories and translations for the newsroom: validate, authenticate, call one use case, answer JSON. */
export function registerEditorialRoutes(app: FastifyInstance, deps: EditorialRoutesDeps): void {
  const { service, actorOf } = deps;

  app.get(`${PREFIX}/stories`, async (request) => service.list(await actorOf(request), parse(listQuerySchema, request.query)));

  app.get<{ Querystring: { from?: string; to?: string } }>(`${PREFIX}/stories/calendar`, async (request) => {
    const actor = await actorOf(request);
    const { from, to } = request.query;
    if (!from || !to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
      throw invalidInput('from and to must be ISO dates', { fields: [{ path: 'from' }, { path: 'to' }] });
    }
    return { items: await service.calendar(actor, new Date(from).toISOString(), new Date(to).toISOString()) };
  });

  app.post(`${PREFIX}/stories`, async (request, reply) => {
    const created = await service.createStory(await actorOf(request), parse(createStorySchema, request.body));
    return reply.code(201).send(created);
  });

  app.post<{ Params: { storyId: string } }>(`${PREFIX}/stories/:storyId/translations`, async (request, reply) => {
    const actor = await actorOf(request);
    const input = parse(newTranslationSchema, request.body);
    // The source is the story's original language version.
    const source = await service.originalOf(actor, request.params.storyId);
    return reply.code(201).send(await service.startTranslation(actor, source.id, input));
  });

  app.get<{ Params: IdParams }>(`${PREFIX}/translations/:id`, async (request) => service.get(await actorOf(request), request.params.id));

  app.put<{ Params: IdParams }>(`${PREFIX}/translations/:id`, async (request) =>
    service.update(await actorOf(request), request.params.id, parse(updateTranslationSchema, request.body)),
  );

  app.post<{ Params: IdParams }>(`${PREFIX}/translations/:id/transitions`, async (request) =>
    service.transition(await actorOf(request), request.params.id, parse(transitionSchema, request.body)),
  );

  app.get<{ Params: IdParams }>(`${PREFIX}/translations/:id/revisions`, async (request) =>
    service.revisions(await actorOf(request), request.params.id, parse(revisionsQuerySchema, request.query)),
  );

  app.get<{ Params: RevisionParams }>(`${PREFIX}/translations/:id/revisions/:revisionId/diff`, async (request) =>
    service.diff(await actorOf(request), request.params.id, request.params.revisionId),
  );

  app.post<{ Params: RevisionParams }>(`${PREFIX}/translations/:id/revisions/:revisionId/restore`, async (request) => {
    const { version } = parse(updateTranslationSchema.pick({ version: true }), request.body);
    return service.restore(await actorOf(request), request.params.id, request.params.revisionId, version);
  });

  app.get<{ Params: IdParams }>(`${PREFIX}/translations/:id/corrections`, async (request) => {
    await service.get(await actorOf(request), request.params.id);
    return { items: await service.corrections(request.params.id) };
  });

  app.post<{ Params: IdParams }>(`${PREFIX}/translations/:id/corrections`, async (request, reply) => {
    const correction = await service.addCorrection(await actorOf(request), request.params.id, parse(correctionSchema, request.body));
    return reply.code(201).send(correction);
  });

  app.get<{ Params: IdParams }>(`${PREFIX}/translations/:id/source-changes`, async (request) =>
    service.sourceChanges(await actorOf(request), request.params.id),
  );

  app.post<{ Params: IdParams }>(`${PREFIX}/translations/:id/mark-synced`, async (request) => {
    const { version } = parse(updateTranslationSchema.pick({ version: true }), request.body);
    return service.markSynced(await actorOf(request), request.params.id, version);
  });

  app.get<{ Querystring: { locale?: string } }>(`${PREFIX}/translation-desk`, async (request) => {
    const locale = request.query.locale;
    if (!locale) throw invalidInput('locale is required', { fields: [{ path: 'locale', message: 'required' }] });
    return { items: await service.desk(await actorOf(request), locale) };
  });
}
