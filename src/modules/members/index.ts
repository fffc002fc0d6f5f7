/** The members module's public API: the only import path from outside (see README.md). */
export { createMembersModule, membersJobHandlers, type MembersModule, type MembersModuleDeps } from './members-module.js';
export { MagicLinkService, MAGIC_LINK_TTL_MS, SIGN_IN_RULES, verifyPath, type SignedInMember } from './magic-links.js';
export { MAGIC_LINK_MAIL_LOCALES, magicLinkMailJob } from './magic-link-mail.js';
export { MemberSessionService, MEMBER_SESSION_TTL_MS, type ResolvedMemberSession, type StartedMemberSession } from './member-sessions.js';
export { AccountService, type AccountOverview } from './account-service.js';
export { BillingService, openSubscription, renewingSubscription } from './billing-service.js';
export { SubscriptionService } from './subscription-service.js';
export { ComplimentaryService } from './complimentary-service.js';
export {
  GiftService,
  GIFT_USES,
  GIFT_TTL_MS,
  GIFT_REDEMPTION_TTL_MS,
  GIFT_COOKIE_MAX_TOKENS,
  type GiftOpening,
  type GiftRedemption,
} from './gift-service.js';
export { bestGrant, bestSubscription, hasPaidAccess, memberReaderState, meterMonth } from './reader-state.js';
export { paidThrough } from './paid-through.js';
export {
  BILLING_INTERVALS,
  DEFAULT_PLANS,
  PlansConfigSchema,
  formatAmount,
  missingPlanTexts,
  planOfPrice,
  planViews,
  type BillingInterval,
  type PlanConfig,
  type PlansConfig,
  type PlanView,
  type PriceView,
} from './plans.js';
export { complimentaryGrantInput, parseEmail, safeReturnPath, type ComplimentaryGrantInput } from './member-schemas.js';
export { looksLikeToken } from './tokens.js';
export type * from './member-stores.js';
export type * from './member-types.js';
