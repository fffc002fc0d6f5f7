import type { FastifyInstance } from 'fastify';
import { complimentaryGrantInput, parseEmail, type ComplimentaryGrantRecord, type ComplimentaryService } from '../../../modules/members/index.js';
import { parseInput } from '../../../modules/newsroom/staff/index.js';
import { ADMIN_API_PREFIX as P, requirePermission } from './admin-auth.js';

/** Who may grant free access to members: the staff managers (admins). */
export const COMPLIMENTARY_PERMISSION = 'staff.manage' as const;

const present = (g: ComplimentaryGrantRecord) => ({
  id: g.id,
  memberId: g.memberId,
  until: g.until?.toISOString() ?? null,
  grantedBy: g.grantedBy,
  note: g.note,
  createdAt: g.createdAt.toISOString(),
  revokedAt: g.revokedAt?.toISOString() ?? null,
});

/**
 * Complimentary access for members, on the admin API (registerAdminAuth must be on the scope):
 * POST grants (`{ email, until?, note? }` → 201), GET lists a member's grants (`?email=`),
 * DELETE revokes. The paywall sees a grant on the member's next page view.
 */
export function registerComplimentaryRoutes(app: FastifyInstance, deps: { complimentary: ComplimentaryService }): void {
  app.post(`${P}/members/complimentary-grants`, async (request, reply) => {
    const actor = requirePermission(request, COMPLIMENTARY_PERMISSION);
    const input = parseInput(complimentaryGrantInput, request.body);
    const grant = await deps.complimentary.grant(input, actor.staffId);
    return reply.code(201).send({ grant: present(grant) });
  });

  app.get<{ Querystring: Record<string, unknown> }>(`${P}/members/complimentary-grants`, async (request) => {
    requirePermission(request, COMPLIMENTARY_PERMISSION);
    const grants = await deps.complimentary.listFor(parseEmail(request.query.email));
    return { grants: grants.map(present) };
  });

  app.delete<{ Params: { id: string } }>(`${P}/members/complimentary-grants/:id`, async (request, reply) => {
    requirePermission(request, COMPLIMENTARY_PERMISSION);
    await deps.complimentary.revoke(request.params.id);
    return reply.code(204).send();
  });
}
