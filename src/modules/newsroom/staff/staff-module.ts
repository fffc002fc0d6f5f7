import type { Clock } from '../../../shared/clock.js';
import type { Mailer } from '../../../shared/mail.js';
import type { EnqueueJob, Handlers } from '../../jobs/index.js';
import { ApiKeyService } from './api-key-service.js';
import { AuditLog } from './audit-log.js';
import { PasswordResetService } from './password-reset-service.js';
import { AccountLimits, RateLimiter, RULES } from './rate-limiter.js';
import { resetMailJob } from './reset-mail.js';
import { resetMailHandler } from './reset-mail-job.js';
import { SessionService } from './session-service.js';
import { SignInService } from './sign-in-service.js';
import type { StaffStores } from './staff-repository.js';
import { StaffService } from './staff-service.js';

export interface StaffModuleDeps {
  stores: StaffStores;
  clock: Clock;
  /** Mails go through the durable job queue (`staffJobHandlers` sends them). */
  enqueue: EnqueueJob;
}

/** The use cases of the staff module, built over its stores. */
export interface StaffModule {
  signIn: SignInService;
  sessions: SessionService;
  resets: PasswordResetService;
  staff: StaffService;
  apiKeys: ApiKeyService;
  audit: AuditLog;
}

/** Only what authenticating a request needs (other modules' routes): sessions and API keys. */
export function createStaffAuthentication(deps: Pick<StaffModuleDeps, 'stores' | 'clock'>): Pick<StaffModule, 'sessions' | 'apiKeys'> {
  const { stores, clock } = deps;
  const audit = new AuditLog(stores.audit, clock);
  return {
    sessions: new SessionService({ sessions: stores.sessions, accounts: stores.accounts, clock }),
    apiKeys: new ApiKeyService({ apiKeys: stores.apiKeys, accounts: stores.accounts, audit, clock }),
  };
}

export function createStaffModule(deps: StaffModuleDeps): StaffModule {
  const { stores, clock } = deps;
  const audit = new AuditLog(stores.audit, clock);
  const limiter = new RateLimiter(stores.rateLimits, clock);
  const { sessions, apiKeys } = createStaffAuthentication(deps);
  return {
    signIn: new SignInService({
      accounts: stores.accounts,
      sessions,
      limiter,
      signInLimits: new AccountLimits(limiter, RULES.signIn),
      audit,
      clock,
    }),
    sessions,
    resets: new PasswordResetService({
      accounts: stores.accounts,
      resets: stores.resets,
      limits: new AccountLimits(limiter, RULES.resetMails),
      audit,
      enqueue: deps.enqueue,
      clock,
    }),
    staff: new StaffService({ accounts: stores.accounts, audit, clock }),
    apiKeys,
    audit,
  };
}

/** The staff module's job handlers: the password reset mail. */
export function staffJobHandlers(deps: {
  stores: StaffStores;
  clock: Clock;
  mailer: Mailer;
  /** Absolute site URL without a trailing slash: reset links point there. */
  publicUrl: string;
  siteName: string;
}): Handlers {
  const { stores, ...rest } = deps;
  return { [resetMailJob.type]: resetMailHandler({ accounts: stores.accounts, resets: stores.resets, ...rest }) };
}
