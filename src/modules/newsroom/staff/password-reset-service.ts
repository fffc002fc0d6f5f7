import type { Clock } from '../../../shared/clock.js';
import { invalidInput } from '../../../shared/errors.js';
import type { EnqueueJob } from '../../jobs/index.js';
import type { AuditLog } from './audit-log.js';
import { hashPassword } from './password-hashing.js';
import type { AccountLimits } from './rate-limiter.js';
import { resetMailJob } from './reset-mail.js';
import type { PasswordResets, StaffAccounts } from './staff-repository.js';
import type { ResetConfirmInput, ResetRequestInput } from './staff-schemas.js';
import { hashToken } from '../../../shared/tokens.js';

export const RESET_TTL_MS = 60 * 60 * 1000;
/** Where the admin app takes the token from the link. */
export const RESET_PATH = '/admin/reset-password';

export interface PasswordResetDeps {
  accounts: StaffAccounts;
  resets: PasswordResets;
  /** `RULES.resetMails` over the rate limiter. */
  limits: AccountLimits;
  audit: AuditLog;
  /** The durable job queue: the mail is a `staff.reset-mail` job, retried until SMTP takes it. */
  enqueue: EnqueueJob;
  clock: Clock;
}

export class PasswordResetService {
  constructor(private readonly deps: PasswordResetDeps) {}

  /**
   * Mails a single-use link (valid one hour from sending) when the address belongs to active staff.
   * The caller answers the same whatever happens here: the mail is a job in the durable queue
   * (retried with backoff while SMTP refuses it), so neither the answer nor its timing depends on the
   * mail server or tells whether the address is known. Past three mails an hour to one address
   * asked from one client address, or past ten from all once that client address has asked before,
   * requests are accepted and dropped: a flood from elsewhere never keeps the owner's mail away.
   */
  async request(input: ResetRequestInput, clientIp: string, locale: string): Promise<void> {
    const { limits, accounts } = this.deps;
    await limits.consumeAddress(clientIp);
    if (!(await limits.tryConsume(input.email, clientIp))) return;
    const account = await accounts.findByEmail(input.email);
    if (!account || account.status !== 'active') return;
    await this.deps.enqueue(resetMailJob.create({ staffId: account.id, locale }));
  }

  /** Sets the new password if the token is known, unused and unexpired; every session then ends. */
  async confirm(input: ResetConfirmInput): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    const staffId = await this.deps.resets.redeem(hashToken(input.token), passwordHash, this.deps.clock.now());
    if (!staffId) throw invalidInput('This reset link is not valid: it may have expired or been used already', { field: 'token' });
    const account = await this.deps.accounts.findById(staffId);
    await this.deps.audit.record({ staffId, apiKeyId: null, name: account?.name ?? staffId }, 'staff.passwordReset', {
      kind: 'staff',
      id: staffId,
    });
  }
}
