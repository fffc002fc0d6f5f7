import type { Clock } from '../../../shared/clock.js';
import { invalidInput } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logger.js';
import type { Mailer } from '../../../shared/mail.js';
import type { AuditLog } from './audit-log.js';
import { hashPassword } from './password-hashing.js';
import { RULES, type RateLimiter } from './rate-limiter.js';
import { resetMail } from './reset-mail.js';
import type { PasswordResets, StaffAccounts } from './staff-repository.js';
import type { ResetConfirmInput, ResetRequestInput } from './staff-schemas.js';
import { hashToken, randomToken } from './tokens.js';

export const RESET_TTL_MS = 60 * 60 * 1000;
/** Where the admin app takes the token from the link. */
export const RESET_PATH = '/admin/reset-password';

export interface PasswordResetDeps {
  accounts: StaffAccounts;
  resets: PasswordResets;
  limiter: RateLimiter;
  audit: AuditLog;
  mailer: Mailer;
  log: Logger;
  clock: Clock;
  publicUrl: string;
  siteName: string;
}

export class PasswordResetService {
  constructor(private readonly deps: PasswordResetDeps) {}

  /**
   * Mails a single-use link (valid one hour) when the address belongs to staff. The caller answers
   * the same whatever happens here: the mail is handed over without waiting, so neither the answer
   * nor its timing tells whether the address is known. Past three mails an hour to one address
   * asked from one client address, or past ten from all once that client address has asked before,
   * requests are accepted and dropped: a flood from elsewhere never keeps the owner's mail away.
   */
  async request(input: ResetRequestInput, clientIp: string, locale: string): Promise<void> {
    const { limiter, accounts, resets, clock } = this.deps;
    await limiter.consume(RULES.resetPerIp, clientIp);
    const pair = `${input.email} ${clientIp}`;
    const askedBefore = (await limiter.total(RULES.resetMailsPerAccountAddress, pair)) > 0;
    if (!(await limiter.tryConsume(RULES.resetMailsPerAccountAddress, pair))) return;
    if (askedBefore && (await limiter.total(RULES.resetMailsPerAccount, input.email)) >= RULES.resetMailsPerAccount.limit) return;
    await limiter.record(RULES.resetMailsPerAccount, input.email);
    const account = await accounts.findByEmail(input.email);
    if (!account || account.status !== 'active') return;
    const token = randomToken();
    const now = clock.now();
    await resets.create({ staffId: account.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) }, now);
    const link = `${this.deps.publicUrl}${RESET_PATH}?token=${encodeURIComponent(token)}`;
    const message = resetMail(locale, account, link, this.deps.siteName);
    this.deps.mailer.send(message).catch((error: unknown) => {
      this.deps.log.error({ err: error, staffId: account.id }, 'password reset mail could not be sent');
    });
  }

  /** Sets the new password if the token is known, unused and unexpired; every session then ends. */
  async confirm(input: ResetConfirmInput): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    const staffId = await this.deps.resets.redeem(hashToken(input.token), passwordHash, this.deps.clock.now());
    if (!staffId) throw invalidInput('This reset link is not valid: it may have expired or been used already', { field: 'token' });
    const account = await this.deps.accounts.findById(staffId);
    await this.deps.audit.record(
      { staffId, apiKeyId: null, name: account?.name ?? staffId },
      'staff.passwordReset',
      { kind: 'staff', id: staffId },
    );
  }
}
