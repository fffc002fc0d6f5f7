/** The staff module's public API: the only import path from outside (see README.md). */
export { createStaffAuthentication, createStaffModule, staffJobHandlers, type StaffModule, type StaffModuleDeps } from './staff-module.js';
export type { SessionService, ResolvedSession, StartedSession } from './session-service.js';
export { SESSION_TTL_MS } from './session-service.js';
export type { ApiKeyService } from './api-key-service.js';
export { API_KEY_PREFIX } from './api-key-service.js';
export type { SignInService, SignedIn } from './sign-in-service.js';
export { WRONG_CREDENTIALS } from './sign-in-service.js';
export type { PasswordResetService } from './password-reset-service.js';
export { RESET_PATH, RESET_TTL_MS } from './password-reset-service.js';
export type { StaffService } from './staff-service.js';
export { AUDIT_PAGE_SIZE, COMMAND_LINE, type AuditActor, type AuditLog } from './audit-log.js';
export { AccountLimits, RateLimiter, RULES as RATE_RULES } from './rate-limiter.js';
export { RESET_MAIL_LOCALES, resetMailJob } from './reset-mail.js';
export * from './staff-schemas.js';
export type * from './staff-types.js';
export { STAFF_STATUSES } from './staff-types.js';
export type * from './staff-repository.js';
export { hashToken, safeEqual } from '../../../shared/tokens.js';
