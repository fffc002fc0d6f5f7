import type { FastifyRequest } from 'fastify';
import type { SignedInMember } from './page-context.js';
import type { SiteDeps } from './site-deps.js';

/**
 * The signed-in member a reader page's header names, or null. Call it only for a request that
 * carries reader identity, and send the page it names `private, no-store`, never kept in a cache.
 */
export function signedInMember(deps: Pick<SiteDeps, 'members' | 'paywall'>, request: FastifyRequest): Promise<SignedInMember | null> {
  return deps.members ? deps.members.signedIn(request.headers.cookie, deps.paywall.clock.now()) : Promise.resolve(null);
}
