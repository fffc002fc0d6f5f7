import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { complimentaryGrantInput, type ComplimentaryGrantRecord, type ComplimentaryService } from '../../../modules/members/index.js';
import { emailSchema } from '../../../shared/email.js';
import { ADMIN_API_PREFIX as P, permitted, requirePermission } from './admin-auth.js';

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
  const api = app.withTypeProvider<ZodTypeProvider>();
  const managers = permitted(COMPLIMENTARY_PERMISSION);

  api.post(`${P}/members/complimentary-grants`, { ...managers, schema: { body: complimentaryGrantInput } }, async (request, reply) => {
    const grant = await deps.complimentary.grant(request.body, requirePermission(request, COMPLIMENTARY_PERMISSION).staffId);
    return reply.code(201).send({ grant: present(grant) });
  });

  api.get(
    `${P}/members/complimentary-grants`,
    { ...managers, schema: { querystring: z.object({ email: emailSchema }) } },
    async (request) => {
      const grants = await deps.complimentary.listFor(request.query.email);
      return { grants: grants.map(present) };
    },
  );

  api.delete(
    `${P}/members/complimentary-grants/:id`,
    { ...managers, schema: { params: z.object({ id: z.string() }) } },
    async (request, reply) => {
      await deps.complimentary.revoke(request.params.id);
      return reply.code(204).send();
    },
  );
}
