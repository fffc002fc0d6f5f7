import type { Clock } from '../../../shared/clock.js';
import { conflict, invalidInput, unauthorized } from '../../../shared/errors.js';
import type { Actor } from '../permissions.js';
import type { AuditLog } from './audit-log.js';
import { hashPassword, needsRehash, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hashing.js';
import { RULES, type AccountLimits, type RateLimiter } from './rate-limiter.js';
import type { SessionService, StartedSession } from './session-service.js';
import { toStaff } from './staff-account.js';
import type { StaffAccounts } from './staff-repository.js';
import type { ChangePasswordInput, SetupInput, SignInInput } from './staff-schemas.js';
import type { Staff } from './staff-types.js';

export interface SignedIn {
  staff: Staff;
  session: StartedSession;
}

/** The one answer for an unknown email and a wrong password. */
export const WRONG_CREDENTIALS = 'The email or the password is not correct';

export class SignInService {
  constructor(
    private readonly deps: {
      accounts: StaffAccounts;
      sessions: SessionService;
      limiter: RateLimiter;
      /** `RULES.signIn` over the limiter. */
      signInLimits: AccountLimits;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  /** First-run setup is open while no admin exists (a fresh install). */
  async setupNeeded(): Promise<boolean> {
    return (await this.deps.accounts.countAdmins()) === 0;
  }

  /** Creates the first admin and signs them in; `conflict` once any admin exists. */
  async setup(input: SetupInput): Promise<SignedIn> {
    if (!(await this.setupNeeded())) throw alreadySetUp();
    const passwordHash = await hashPassword(input.password);
    const now = this.deps.clock.now();
    const account = await this.deps.accounts.createFirstAdmin(
      { email: input.email, name: input.name, role: 'admin', locales: [], passwordHash },
      now,
    );
    if (!account) throw alreadySetUp();
    await this.deps.audit.record(
      { staffId: account.id, apiKeyId: null, name: account.name },
      'setup.complete',
      { kind: 'staff', id: account.id },
      { email: account.email },
    );
    return { staff: toStaff(account), session: await this.deps.sessions.start(account.id) };
  }

  /**
   * Checks the password and starts a session. Unknown emails cost the same scrypt time and get the
   * same answer as wrong passwords. Limits: attempts per address of the caller, failures per
   * (email, address), and failures per email from everywhere, which only holds back the addresses
   * that already failed for that email, so no one can lock the owner out (README, "Rate limits").
   */
  async signIn(input: SignInInput, clientIp: string): Promise<SignedIn> {
    const { signInLimits, accounts } = this.deps;
    await signInLimits.consumeAddress(clientIp);
    await signInLimits.check(input.email, clientIp);
    const account = await accounts.findByEmail(input.email);
    const valid = await verifyPassword(input.password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    // A deactivated or deleted account gets the same answer as a wrong password.
    if (!account || !valid || account.status !== 'active') {
      await signInLimits.record(input.email, clientIp);
      throw unauthorized(WRONG_CREDENTIALS);
    }
    if (needsRehash(account.passwordHash)) {
      await accounts.setPasswordHash(account.id, await hashPassword(input.password), this.deps.clock.now());
    }
    return { staff: toStaff(account), session: await this.deps.sessions.start(account.id) };
  }

  /**
   * "Change my password": needs the current one (five wrong ones in 15 minutes and the account's
   * sessions must wait: a stolen session cannot guess the password), then sets the new one and ends every other session of the account; this one stays.
   */
  async changePassword(staffId: string, keepSessionId: string, input: ChangePasswordInput): Promise<void> {
    const { limiter, accounts, clock } = this.deps;
    const account = await accounts.findById(staffId);
    if (!account || account.status !== 'active') throw unauthorized();
    await limiter.check(RULES.passwordChangeFailuresPerAccount, staffId);
    if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
      await limiter.record(RULES.passwordChangeFailuresPerAccount, staffId);
      throw invalidInput('The current password is not correct', { field: 'currentPassword' });
    }
    await accounts.setPasswordHash(staffId, await hashPassword(input.newPassword), clock.now());
    const ended = await this.deps.sessions.endOthers(staffId, keepSessionId);
    await this.deps.audit.record(
      { staffId, apiKeyId: null, name: account.name },
      'staff.passwordChange',
      { kind: 'staff', id: staffId },
      { endedSessions: ended },
    );
  }

  /** Ends every session of the actor (all their devices), and records it. */
  async signOutEverywhere(actor: Actor): Promise<void> {
    const ended = await this.deps.sessions.endAll(actor.staffId);
    await this.deps.audit.record(actor, 'session.signOutEverywhere', { kind: 'staff', id: actor.staffId }, { sessions: ended });
  }
}

function alreadySetUp() {
  return conflict('The newsroom is already set up: sign in instead');
}
