import type { Clock } from '../../shared/clock.js';
import { invalidInput, notFound } from '../../shared/errors.js';
import type { ComplimentaryStore, MemberStore } from './member-stores.js';
import type { ComplimentaryGrantInput } from './member-schemas.js';
import type { ComplimentaryGrantRecord } from './member-types.js';

/** Free access granted by staff (press, partners, hardship), open-ended or until a date. */
export class ComplimentaryService {
  constructor(private readonly deps: { members: MemberStore; grants: ComplimentaryStore; clock: Clock }) {}

  /** Grants access to the member with this email; `not_found` when there is none (they sign up first). */
  async grant(input: ComplimentaryGrantInput, staffId: string): Promise<ComplimentaryGrantRecord> {
    const now = this.deps.clock.now();
    const member = await this.deps.members.findByEmail(input.email);
    if (!member) throw notFound('No member has this email address', { field: 'email' });
    const until = input.until ? new Date(input.until) : null;
    if (until && until.getTime() <= now.getTime()) throw invalidInput('The grant would end before it starts', { field: 'until' });
    return this.deps.grants.create({ memberId: member.id, until, grantedBy: staffId, note: input.note ?? null }, now);
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.deps.grants.revoke(id, this.deps.clock.now()))) throw notFound('No such active grant');
  }

  /** The member's grants, newest first; `not_found` for an unknown email. */
  async listFor(email: string): Promise<ComplimentaryGrantRecord[]> {
    const member = await this.deps.members.findByEmail(email);
    if (!member) throw notFound('No member has this email address', { field: 'email' });
    return this.deps.grants.listOf(member.id);
  }
}
