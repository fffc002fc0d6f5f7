import type { Clock } from '../../shared/clock.js';
import type { MemberSessionStore } from './member-stores.js';
import type { Member, MemberSessionRecord } from './member-types.js';
import { hashToken, randomToken } from '../../shared/tokens.js';
import { looksLikeToken } from './tokens.js';

/** A member session lives 30 days after its last use (sliding), recorded at most every 5 minutes. */
export const MEMBER_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface StartedMemberSession {
  /** For the cookie only; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedMemberSession {
  member: Member;
  session: MemberSessionRecord;
}

/** Signed-in browsers of members: the same rules as staff sessions, in their own table. */
export class MemberSessionService {
  constructor(private readonly deps: { sessions: MemberSessionStore; clock: Clock }) {}

  async start(memberId: string): Promise<StartedMemberSession> {
    const now = this.deps.clock.now();
    await this.deps.sessions.deleteExpired(now);
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + MEMBER_SESSION_TTL_MS);
    await this.deps.sessions.create({ memberId, tokenHash: hashToken(token), csrfToken, expiresAt }, now);
    return { token, csrfToken, expiresAt };
  }

  /** The member behind a cookie token, or null (unknown, expired, signed out, deleted). */
  async resolve(token: string | undefined, now: Date = this.deps.clock.now()): Promise<ResolvedMemberSession | null> {
    if (!looksLikeToken(token)) return null;
    const found = await this.deps.sessions.findActive(hashToken(token), now);
    if (!found) return null;
    if (now.getTime() - found.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.deps.sessions.touch(found.session.id, now, new Date(now.getTime() + MEMBER_SESSION_TTL_MS));
    }
    return found;
  }

  async end(sessionId: string): Promise<void> {
    await this.deps.sessions.delete(sessionId);
  }

  /** Signs a member out on every device. */
  async endAll(memberId: string): Promise<number> {
    return this.deps.sessions.deleteAllOf(memberId);
  }
}
