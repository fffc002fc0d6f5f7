import type { Clock } from '../../../shared/clock.js';
import type { Actor } from '../permissions.js';
import { staffActor, toStaff } from './staff-account.js';
import type { StaffAccounts, Sessions } from './staff-repository.js';
import type { Staff } from './staff-types.js';
import { hashToken, randomToken } from '../../../shared/tokens.js';

/** A session lives 30 days after its last use (sliding), recorded at most every 5 minutes. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** A new session: the token goes into the cookie and is never stored; the CSRF token goes to the app. */
export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  actor: Actor;
  staff: Staff;
  sessionId: string;
  csrfToken: string;
  /** Set when this request extended the session: the cookie should be renewed until then. */
  renewedUntil: Date | null;
}

export class SessionService {
  constructor(private readonly deps: { sessions: Sessions; accounts: StaffAccounts; clock: Clock }) {}

  async start(staffId: string): Promise<StartedSession> {
    const now = this.deps.clock.now();
    await this.deps.sessions.deleteExpired(now);
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.deps.sessions.create({ staffId, tokenHash: hashToken(token), csrfToken, expiresAt }, now);
    return { token, csrfToken, expiresAt };
  }

  /** The signed-in staff member behind a cookie token, or null (unknown, expired, signed out). */
  async resolve(token: string): Promise<ResolvedSession | null> {
    if (token.length === 0 || token.length > 200) return null;
    const now = this.deps.clock.now();
    const session = await this.deps.sessions.findActive(hashToken(token), now);
    if (!session) return null;
    // The account as it is now: a deactivated or deleted account has no session, a demoted one
    // acts with its new role from this request on.
    const account = await this.deps.accounts.findById(session.staffId);
    if (!account || account.status !== 'active') return null;
    let renewedUntil: Date | null = null;
    if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
      renewedUntil = new Date(now.getTime() + SESSION_TTL_MS);
      await this.deps.sessions.touch(session.id, now, renewedUntil);
    }
    const staff = toStaff(account);
    return { actor: staffActor(staff), staff, sessionId: session.id, csrfToken: session.csrfToken, renewedUntil };
  }

  async end(sessionId: string): Promise<void> {
    await this.deps.sessions.delete(sessionId);
  }

  /** Signs a staff member out on every other device (after a password change). */
  async endOthers(staffId: string, keepSessionId: string): Promise<number> {
    return this.deps.sessions.deleteOthersOf(staffId, keepSessionId);
  }

  /** Signs a staff member out on every device. */
  async endAll(staffId: string): Promise<number> {
    return this.deps.sessions.deleteAllOf(staffId);
  }
}
