import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../../modules/newsroom/index.js';
import {
  authorChangeSchema,
  newAuthorSchema,
  newSectionSchema,
  newTopicSchema,
  sectionChangeSchema,
  topicChangeSchema,
  type TaxonomyService,
} from '../../../modules/newsroom/taxonomy/index.js';
import { ADMIN_API_PREFIX as PREFIX } from './admin-auth.js';

const byId = z.object({ id: z.string().min(1).max(64) });

/**
 * Sections, authors and topics: the editor's pickers, and managing them (taxonomy.edit creates
 * topics; taxonomy.manage creates, changes and deletes authors and sections and renames topics).
 */
export function registerTaxonomyRoutes(
  app: FastifyInstance,
  deps: { service: TaxonomyService; actorOf(request: FastifyRequest): Actor | Promise<Actor> },
): void {
  const { service, actorOf } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  /** Authenticated before the input is validated (401 first), as every admin route. */
  const authenticated = {
    preValidation: async (request: FastifyRequest) => {
      await actorOf(request);
    },
  };
  api.get(`${PREFIX}/sections`, authenticated, async () => ({ items: await service.sections() }));
  api.post(`${PREFIX}/sections`, { ...authenticated, schema: { body: newSectionSchema } }, async (request, reply) =>
    reply.code(201).send(await service.createSection(await actorOf(request), request.body)),
  );
  api.patch(`${PREFIX}/sections/:id`, { ...authenticated, schema: { params: byId, body: sectionChangeSchema } }, async (request) =>
    service.updateSection(await actorOf(request), request.params.id, request.body),
  );
  api.delete(`${PREFIX}/sections/:id`, { ...authenticated, schema: { params: byId } }, async (request, reply) => {
    await service.deleteSection(await actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  // The signed-in person's own byline first.
  api.get(`${PREFIX}/authors`, authenticated, async (request) => ({ items: await service.authors(await actorOf(request)) }));
  api.post(`${PREFIX}/authors`, { ...authenticated, schema: { body: newAuthorSchema } }, async (request, reply) =>
    reply.code(201).send(await service.createAuthor(await actorOf(request), request.body)),
  );
  api.patch(`${PREFIX}/authors/:id`, { ...authenticated, schema: { params: byId, body: authorChangeSchema } }, async (request) =>
    service.updateAuthor(await actorOf(request), request.params.id, request.body),
  );
  api.delete(`${PREFIX}/authors/:id`, { ...authenticated, schema: { params: byId } }, async (request, reply) => {
    await service.deleteAuthor(await actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  api.get(`${PREFIX}/topics`, { ...authenticated, schema: { querystring: z.object({ q: z.string().default('') }) } }, async (request) => ({
    items: await service.topics(request.query.q),
  }));
  api.post(`${PREFIX}/topics`, { ...authenticated, schema: { body: newTopicSchema } }, async (request, reply) => {
    const created = await service.createTopic(await actorOf(request), request.body);
    return reply.code(201).send(created);
  });
  api.patch(`${PREFIX}/topics/:id`, { ...authenticated, schema: { params: byId, body: topicChangeSchema } }, async (request) =>
    service.updateTopic(await actorOf(request), request.params.id, request.body),
  );
}
