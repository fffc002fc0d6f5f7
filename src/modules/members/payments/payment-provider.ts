import { AppError } from '../../../shared/errors.js';

/**
 * The payment provider port. Members code talks to this interface only; Stripe is the first
 * implementation (src/adapters/payments/). Nothing here knows an SDK, a wire format or a price list:
 * the provider hosts the payment pages, owns the card data, and tells us what happened through
 * signed webhooks, which `parseWebhook` turns into the provider-neutral `ProviderEvent` below.
 */
export interface PaymentProvider {
  /** Starts a hosted checkout for a paid plan; the caller redirects the reader to `url`. */
  createCheckout(request: CheckoutRequest): Promise<CheckoutStarted>;
  /** A one-time link into the provider's customer portal (change plan, card, cancel). */
  createPortalSession(request: PortalRequest): Promise<{ url: string }>;
  /**
   * Verifies the signature over the exact bytes received and maps the event. Throws
   * `WebhookSignatureError` when the signature (or its timestamp) does not hold, and
   * `WebhookPayloadError` when a correctly signed body is not something we can read.
   */
  parseWebhook(rawBody: Buffer, signatureHeader: string): ProviderEvent;
}

export interface CheckoutRequest {
  /** Our member id; it travels back on every checkout and subscription event as `memberRef`. */
  memberId: string;
  /** Prefills the provider's form when no `customerId` is known yet. */
  email: string;
  /** The provider customer from an earlier checkout, so a returning reader is not duplicated. */
  customerId?: string;
  /** The provider's price id of the plan. */
  priceId: string;
  /** Whole days of free trial (1..730); omit for none. */
  trialDays?: number;
  /** Absolute URLs. Stripe replaces the literal `{CHECKOUT_SESSION_ID}` in successUrl. */
  successUrl: string;
  cancelUrl: string;
  /** The reader's edition locale (BCP 47); mapped to the closest locale the provider supports. */
  locale: string;
}

export interface CheckoutStarted {
  url: string;
  sessionId: string;
  /** Known only when the request passed one; otherwise it arrives with `checkout.completed`. */
  customerId?: string;
}

export interface PortalRequest {
  customerId: string;
  returnUrl: string;
  locale: string;
}

/** Every state a provider subscription can be in (Stripe's list; other providers map onto it). */
export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** A snapshot of one provider subscription as of `updatedAt`. */
export interface ProviderSubscription {
  providerSubscriptionId: string;
  customerId: string;
  /** Our member id as we sent it at checkout (subscription metadata); null if created elsewhere. */
  memberRef: string | null;
  status: SubscriptionStatus;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  /** True when the subscription is set to end (at the period end or at `cancelAt`). */
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  /**
   * The moment this snapshot was taken by the provider: the ordering key for out-of-order
   * delivery. For Stripe it is the event's `created` (whole seconds), see the adapter README.
   */
  updatedAt: Date;
}

interface EventBase {
  /** The provider's event id; the caller's idempotency key (processed_events). */
  id: string;
  /** The provider's own event type, for logs. */
  providerType: string;
  occurredAt: Date;
}

export type ProviderEvent =
  | (EventBase & { type: 'subscription.updated'; subscription: ProviderSubscription })
  | (EventBase & {
      type: 'checkout.completed';
      checkoutSessionId: string;
      customerId: string | null;
      memberRef: string | null;
      subscriptionId: string | null;
    })
  | (EventBase & { type: 'ignored'; reason: string });

/** Answer 400: the body was not signed by the provider with our endpoint secret (or is too old). */
export class WebhookSignatureError extends AppError {
  constructor(message = 'Webhook signature verification failed') {
    super('invalid_input', message, { reason: 'webhook_signature' });
    this.name = 'WebhookSignatureError';
  }
}

/** Answer 400: signed correctly, but not a shape we understand. */
export class WebhookPayloadError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('invalid_input', message, { reason: 'webhook_payload', ...details });
    this.name = 'WebhookPayloadError';
  }
}

export type PaymentProviderFailure = 'invalid_request' | 'authentication' | 'rate_limited' | 'unavailable' | 'unknown';

/**
 * The provider refused or could not be reached. Always our problem, never the reader's input, so it
 * is an `internal` error; `failure` lets a caller decide (e.g. retry without a deleted customer id).
 * `details.providerMessage` is for logs, not for pages.
 */
export class PaymentProviderError extends AppError {
  constructor(
    readonly failure: PaymentProviderFailure,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super('internal', message, { failure, ...details });
    this.name = 'PaymentProviderError';
  }
}
