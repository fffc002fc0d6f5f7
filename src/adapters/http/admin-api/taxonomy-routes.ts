import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../../modules/newsroom/index.js';
import { newTopicSchema, type TaxonomyService } from '../../../modules/newsroom/taxonomy/index.js';
import { ADMIN_API_PREFIX as PREFIX } from './admin-auth.js';

/** Sections, authors and topics for the editor's pickers; creating topics needs taxonomy.edit. */
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
  api.get(`${PREFIX}/authors`, authenticated, async () => ({ items: await service.authors() }));
  api.get(`${PREFIX}/topics`, { ...authenticated, schema: { querystring: z.object({ q: z.string().default('') }) } }, async (request) => ({
    items: await service.topics(request.query.q),
  }));
  api.post(`${PREFIX}/topics`, { ...authenticated, schema: { body: newTopicSchema } }, async (request, reply) => {
    const created = await service.createTopic(await actorOf(request), request.body);
    return reply.code(201).send(created);
  });
}
