import Stripe from 'stripe';
import {
  PaymentProviderError,
  WebhookPayloadError,
  WebhookSignatureError,
  type CheckoutRequest,
  type CheckoutStarted,
  type PaymentProvider,
  type PaymentProviderFailure,
  type PortalRequest,
  type ProviderEvent,
} from '../../modules/members/payments/index.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { invalidInput } from '../../shared/errors.js';
import { MEMBER_ID_METADATA_KEY, mapStripeEvent } from './stripe-event-mapper.js';
import { toCheckoutLocale, toPortalLocale } from './stripe-locales.js';

export interface StripePaymentProviderOptions {
  /** `sk_live_…`, `sk_test_…` or a restricted key allowed to write Checkout and portal sessions. */
  secretKey: string;
  /** The signing secret of our webhook endpoint (`whsec_…`). */
  webhookSecret: string;
  /** Where the API lives. Only tests change it, to point the SDK at the local stand-in. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  /** SDK retries on network errors and 409/429/5xx, with idempotency keys (default 2). */
  maxNetworkRetries?: number;
  /** Per-request timeout (default 10 s: a reader is waiting on the redirect). */
  timeoutMs?: number;
  /** Maximum age of a webhook signature in seconds (default: the SDK's 300). */
  webhookToleranceSeconds?: number;
  /** "Now" for the signature age check. */
  clock?: Clock;
}

/**
 * The Stripe implementation of the payment provider port, on the official SDK pinned to the API
 * version it was generated for (`Stripe.API_VERSION`). The webhook endpoint in the Stripe dashboard
 * must use the same API version, since it decides the shape of the payloads we parse.
 */
export function createStripePaymentProvider(options: StripePaymentProviderOptions): PaymentProvider {
  if (!options.secretKey) throw invalidInput('Stripe secret key is required');
  if (!options.webhookSecret) throw invalidInput('Stripe webhook secret is required');
  const stripe = new Stripe(options.secretKey, {
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 10_000,
    telemetry: false,
    appInfo: { name: 'masthead' },
    ...(options.api ? { host: options.api.host, port: options.api.port, protocol: options.api.protocol } : {}),
  });
  const clock = options.clock ?? systemClock;

  return {
    async createCheckout(request: CheckoutRequest): Promise<CheckoutStarted> {
      checkTrialDays(request.trialDays);
      const session = await call('create a Checkout Session', () =>
        stripe.checkout.sessions.create({
          mode: 'subscription',
          line_items: [{ price: request.priceId, quantity: 1 }],
          client_reference_id: request.memberId,
          metadata: { [MEMBER_ID_METADATA_KEY]: request.memberId },
          // On the subscription too, so every subscription event names the member by itself,
          // whatever order checkout.session.completed arrives in.
          subscription_data: {
            metadata: { [MEMBER_ID_METADATA_KEY]: request.memberId },
            ...(request.trialDays ? { trial_period_days: request.trialDays } : {}),
          },
          // Stripe refuses both at once; a known customer keeps its email.
          ...(request.customerId ? { customer: request.customerId } : { customer_email: request.email }),
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          locale: toCheckoutLocale(request.locale),
        }),
      );
      if (!session.url)
        throw new PaymentProviderError('unknown', 'Stripe returned a Checkout Session without a URL', { sessionId: session.id });
      const customerId = customerIdOf(session.customer);
      return { url: session.url, sessionId: session.id, ...(customerId ? { customerId } : {}) };
    },

    async createPortalSession(request: PortalRequest): Promise<{ url: string }> {
      const session = await call('create a customer portal session', () =>
        stripe.billingPortal.sessions.create({
          customer: request.customerId,
          return_url: request.returnUrl,
          locale: toPortalLocale(request.locale),
        }),
      );
      return { url: session.url };
    },

    parseWebhook(rawBody: Buffer, signatureHeader: string): ProviderEvent {
      let event: unknown;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signatureHeader,
          options.webhookSecret,
          options.webhookToleranceSeconds,
          undefined,
          clock.now().getTime(),
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new WebhookSignatureError(error.message);
        // Signed correctly but unreadable (not JSON, or a v2 event notification).
        throw new WebhookPayloadError(error instanceof Error ? error.message : 'Unreadable Stripe webhook');
      }
      const now = clock.now().getTime();
      const skewMs = (options.webhookToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) * 1000;
      // The SDK refuses signatures too old, not ones from the future: a replay stored for later.
      const signedAt = signatureTimestamp(signatureHeader);
      if (signedAt === null || signedAt * 1000 > now + skewMs) {
        throw new WebhookSignatureError('The webhook signature timestamp is in the future');
      }
      const mapped = mapStripeEvent(event);
      // An event from the future would make every later real event look stale, forever.
      if (mapped.occurredAt.getTime() > now + skewMs) {
        throw new WebhookPayloadError('The event was created in the future', { created: mapped.occurredAt.toISOString() });
      }
      return mapped;
    },
  };
}

/** The SDK's default tolerance, used for clock skew into the future too. */
const DEFAULT_TOLERANCE_SECONDS = 300;

/** The `t=` of a `Stripe-Signature` header, in Unix seconds. */
function signatureTimestamp(header: string): number | null {
  const match = /(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec(header);
  return match ? Number(match[1]) : null;
}

function checkTrialDays(days: number | undefined) {
  if (days === undefined) return;
  if (!Number.isInteger(days) || days < 1 || days > 730) {
    throw invalidInput('trialDays must be a whole number of days between 1 and 730', { trialDays: days });
  }
}

function customerIdOf(customer: string | { id: string } | null): string | null {
  return customer === null ? null : typeof customer === 'string' ? customer : customer.id;
}

async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    throw new PaymentProviderError(failureOf(error), `Stripe could not ${what}`, {
      providerMessage: error.message,
      providerType: error.type,
      providerCode: error.code ?? null,
      providerParam: error.param ?? null,
      requestId: error.requestId ?? null,
      statusCode: error.statusCode ?? null,
    });
  }
}

function failureOf(error: Stripe.errors.StripeError): PaymentProviderFailure {
  if (error instanceof Stripe.errors.StripeInvalidRequestError) return 'invalid_request';
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    return 'authentication';
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) return 'rate_limited';
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) return 'unavailable';
  return 'unknown';
}
