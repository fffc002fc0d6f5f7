import type { FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './account-routes.js';
import { registerGiftRoutes } from './gift-routes.js';
import { registerMemberErrors } from './member-errors.js';
import { registerFormParser, type MemberSiteDeps } from './member-http.js';
import { registerSignInRoutes } from './sign-in-routes.js';
import { registerSubscribeRoutes } from './subscribe-routes.js';

export { type MemberSiteDeps } from './member-http.js';

/**
 * The reader pages of the members module, in their own scope (form bodies, localized error
 * pages): sign-in and sign-up, the account, plans and checkout, gift links.
 */
export function registerMemberSite(app: FastifyInstance, deps: MemberSiteDeps): void {
  void app.register(async (scope) => {
    registerFormParser(scope);
    registerMemberErrors(scope, deps);
    registerSignInRoutes(scope, deps);
    registerAccountRoutes(scope, deps);
    registerSubscribeRoutes(scope, deps);
    registerGiftRoutes(scope, deps);
  });
}
