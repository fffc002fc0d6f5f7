import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { asAppError, notFound } from '../../shared/errors.js';
import { isApiRequest, logRequestError, sendApiError, statusOf } from './api-errors.js';
import type { LoadedAssets } from './site/assets.js';
import { registerHealthRoutes } from './health-routes.js';
import { createFrontCache } from './plugins/front-cache.js';
import { registerNulGuard } from './plugins/nul-guard.js';
import { registerSecurityHeaders, securityHeaders } from './plugins/security-headers.js';
import { pathOf } from './plugins/request-path.js';
import { registerSitePageErrors, sendErrorPage } from './site/routes/error-pages.js';
import { registerSiteRoutes } from './site/routes/site-routes.js';
import { registerStaticRoutes } from './site/routes/static-routes.js';
import type { SiteDeps } from './site/site-deps.js';

/** A part of the HTTP surface built by its own wiring (admin API, media, ...), registered in order. */
export interface HttpModule {
  name: string;
  register(app: FastifyInstance): void | Promise<void>;
}

export interface HttpDeps extends SiteDeps {
  modules?: readonly HttpModule[];
  /** Proxies whose X-Forwarded-For names the client (config TRUST_PROXY); none by default. */
  trustProxy?: boolean | number | string[];
  assets: LoadedAssets;
  mediaDir: string;
  https: boolean;
  ping(): Promise<void>;
  logLevel: string;
  /**
   * Applies committed page changes to this process's cache (adapters/db/page-change-feed.ts). Run
   * before answering any request that may have written, so a write is visible in this process as
   * soon as its answer arrives (other processes follow within a fraction of a second).
   */
  catchUpPageChanges?: () => Promise<void>;
}

/**
 * Builds the HTTP application without listening (tests use inject or listen on port 0). Every
 * dependency is passed in; nothing here constructs a database, a mailer or a clock.
 */
export function buildApp(deps: HttpDeps): FastifyInstance {
  const answerFromCache = createFrontCache(deps.caching, securityHeaders({ https: deps.https }));
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!answerFromCache(req, res)) handler(req, res);
      }),
    logger: deps.logLevel === 'silent' ? false : { level: deps.logLevel },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Per-request lines only when debugging: at news-site traffic they would dominate the cost.
    logController: new LogController({ disableRequestLogging: deps.logLevel !== 'debug' && deps.logLevel !== 'trace' }),
    trustProxy:
      typeof deps.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(deps.trustProxy)
        : (deps.trustProxy ?? false),
    routerOptions: { maxParamLength: 300 },
  });

  // Route schemas are zod schemas (fastify-type-provider-zod): handlers get typed, validated input.
  // A failure is the API's JSON error (sendApiError) or, on reader pages, the localized page
  // (registerSitePageErrors: 404 for a path that names nothing, 400 for a bad query).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerSecurityHeaders(app, { https: deps.https });
  registerNulGuard(app);
  const catchUp = deps.catchUpPageChanges;
  if (catchUp) {
    app.addHook('onSend', async (request, _reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        await catchUp().catch((error: unknown) =>
          request.log.warn({ err: error }, 'page changes not applied before this answer; the feed applies them next'),
        );
      }
      return payload;
    });
  }
  registerHealthRoutes(app, deps.ping);
  app.register(async (site) => {
    registerSitePageErrors(site, deps);
    registerStaticRoutes(site, deps, deps.assets, deps.mediaDir);
    registerSiteRoutes(site, deps);
  });
  for (const module of deps.modules ?? []) app.register(async (scope) => module.register(scope));

  app.setNotFoundHandler((request, reply) =>
    isApiRequest(request.url)
      ? sendApiError(request, reply, notFound('No such endpoint', { method: request.method, url: pathOf(request.url) }))
      : sendErrorPage(deps, request, reply, 404),
  );

  app.setErrorHandler(async (thrown, request, reply) => {
    if (isApiRequest(request.url)) return sendApiError(request, reply, thrown);
    const classified = asAppError(thrown);
    logRequestError(request, classified, thrown);
    const status = statusOf(classified.error);
    if (status >= 400 && status < 500) return sendErrorPage(deps, request, reply, status === 404 ? 404 : 400);
    try {
      return await sendErrorPage(deps, request, reply, 500);
    } catch {
      // Rendering the error page itself failed (the database may be down): a plain answer.
      return reply
        .code(500)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(`Internal error. Request id: ${request.id}`);
    }
  });

  return app;
}
