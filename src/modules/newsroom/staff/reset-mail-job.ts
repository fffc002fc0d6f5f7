import type { Clock } from '../../../shared/clock.js';
import type { Mailer } from '../../../shared/mail.js';
import { jobHandler, type JobHandler } from '../../jobs/index.js';
import { RESET_PATH, RESET_TTL_MS } from './password-reset-service.js';
import { resetMail, resetMailJob } from './reset-mail.js';
import type { PasswordResets, StaffAccounts } from './staff-repository.js';
import { hashToken, randomToken } from '../../../shared/tokens.js';

export interface ResetMailJobDeps {
  accounts: StaffAccounts;
  resets: PasswordResets;
  mailer: Mailer;
  clock: Clock;
  /** Absolute site URL without a trailing slash: the link points there. */
  publicUrl: string;
  siteName: string;
}

/**
 * Sends a `staff.reset-mail` job: mints the token now (only its hash is stored, valid one hour from
 * this attempt) and hands the mail to SMTP. A refused mail throws, so the queue retries it with
 * backoff; each attempt mints a fresh token, and one whose mail never left is never known to anyone.
 * A second run after a delivered mail (the worker died before recording it) sends a second working
 * link, which is harmless. An account deactivated or deleted meanwhile gets nothing.
 */
export function resetMailHandler(deps: ResetMailJobDeps): JobHandler {
  return jobHandler(resetMailJob.schema, async ({ staffId, locale }) => {
    const account = await deps.accounts.findById(staffId);
    if (!account || account.status !== 'active') return;
    const token = randomToken();
    const now = deps.clock.now();
    await deps.resets.create({ staffId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) }, now);
    const link = `${deps.publicUrl}${RESET_PATH}?token=${encodeURIComponent(token)}`;
    await deps.mailer.send(resetMail(locale, account, link, deps.siteName));
  });
}
