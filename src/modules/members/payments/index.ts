export {
  SUBSCRIPTION_STATUSES,
  PaymentProviderError,
  WebhookPayloadError,
  WebhookSignatureError,
  type CheckoutRequest,
  type CheckoutStarted,
  type PaymentProvider,
  type PaymentProviderFailure,
  type PortalRequest,
  type ProviderEvent,
  type ProviderSubscription,
  type SubscriptionStatus,
} from './payment-provider.js';
export {
  applySubscriptionEvent,
  type IgnoreReason,
  type SubscriptionDecision,
  type SubscriptionState,
} from './apply-subscription-event.js';
export { isTerminalStatus, lifecycleRank, statusGrantsAccess } from './subscription-status.js';
