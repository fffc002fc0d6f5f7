/**
 * paywall: who may read what. Pure access decisions and metering rules; no I/O. Every surface that
 * shows story text calls `decideAccess` and renders only what `gateDocument` returns.
 */
export {
  METER_WINDOW_DAYS,
  METER_MAX_ENTRIES,
  SUBSCRIPTION_STATUSES,
  PaywallConfigSchema,
  CrawlerAccessConfigSchema,
  DEFAULT_PAYWALL_CONFIG,
  parsePaywallConfig,
  type AccessLevel,
  type SubscriptionStatus,
  type Subscription,
  type ComplimentaryGrant,
  type AnonymousReader,
  type MemberReader,
  type ReaderState,
  type MeterEntry,
  type AnonymousMeter,
  type StoryAccessInfo,
  type GiftLink,
  type GiftLinkStatus,
  type PaywallConfig,
  type CrawlerAccessConfig,
  type AccessInput,
  type GrantReason,
  type DenialReason,
  type Offer,
  type AccessDecision,
} from './access-types.js';
export { decideAccess, freeReadsLeft } from './decide-access.js';
export {
  subscriptionGrantsAccess,
  complimentaryGrantsAccess,
  giftLinkStatus,
  isArchived,
  archivesAfter,
  isFreeForEveryone,
} from './entitlements.js';
export { activeMeterEntries, recordRead, meterMonthStart } from './meter.js';
export {
  encodeMeterCookie,
  decodeMeterCookie,
  METER_COOKIE_VERSION,
  METER_COOKIE_MAX_LENGTH,
  METER_SECRET_MIN_LENGTH,
} from './meter-cookie.js';
export { gateDocument, openToEveryone, type GatedDocument } from './render-decision.js';
export { paywallPlanSchema, type PaywallPlan, type MembersForPaywall, type ReaderResolver, type ResolvedReader } from './members-port.js';
