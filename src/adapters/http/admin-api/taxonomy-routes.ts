import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newTopicSchema, type TaxonomyService } from '../../../modules/newsroom/taxonomy/index.js';
import type { Actor } from '../../../modules/newsroom/index.js';
import { ADMIN_API_PREFIX as PREFIX } from './admin-auth.js';
import { parse } from './editorial-routes.js';

/** Sections, authors and topics for the editor's pickers; creating topics needs taxonomy.edit. */
export function registerTaxonomyRoutes(
  app: FastifyInstance,
  deps: { service: TaxonomyService; actorOf(request: FastifyRequest): Actor | Promise<Actor> },
): void {
  const { service, actorOf } = deps;
  app.get(`${PREFIX}/sections`, async (request) => {
    await actorOf(request);
    return { items: await service.sections() };
  });
  app.get(`${PREFIX}/authors`, async (request) => {
    await actorOf(request);
    return { items: await service.authors() };
  });
  app.get<{ Querystring: { q?: string } }>(`${PREFIX}/topics`, async (request) => {
    await actorOf(request);
    return { items: await service.topics(request.query.q ?? '') };
  });
  app.post(`${PREFIX}/topics`, async (request, reply) => {
    const created = await service.createTopic(await actorOf(request), parse(newTopicSchema, request.body));
    return reply.code(201).send(created);
  });
}
