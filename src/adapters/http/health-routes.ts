import type { FastifyInstance } from 'fastify';

/** /healthz: the process answers. /readyz: the database answers too (for load balancers). */
export function registerHealthRoutes(app: FastifyInstance, ping: () => Promise<void>): void {
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await ping();
      return reply.send({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed: database unreachable');
      return reply.code(503).send({
        status: 'unavailable',
        error: { code: 'database_unreachable', message: 'The database is not reachable', details: {} },
      });
    }
  });
}
