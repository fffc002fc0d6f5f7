import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStripePaymentProvider } from '../../src/adapters/payments/stripe-payment-provider.js';
import {
  PaymentProviderError,
  WebhookPayloadError,
  WebhookSignatureError,
  type PaymentProvider,
  type ProviderEvent,
} from '../../src/modules/members/payments/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import { guardNetwork } from '../support/stripe-stand-in-network-guard.js';
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in.js';
import { createWebhookReceiver } from './webhook-receiver.js';

const KEY = 'sk_test_masthead_provider';
const SECRET = 'whsec_test_masthead_provider';
const T0 = new Date('2026-03-01T10:00:00Z');

let guard: ReturnType<typeof guardNetwork>;
let standIn: StripeStandIn;
let provider: PaymentProvider;
const clock = fixedClock(T0);

beforeAll(async () => {
  guard = guardNetwork();
  standIn = await startStripeStandIn({
    webhookSecret: SECRET,
    apiKey: KEY,
    clock,
    prices: {
      price_monthly: { unitAmount: 900, currency: 'eur', interval: 'month' },
      price_yearly: { unitAmount: 9000, currency: 'eur', interval: 'year' },
    },
  });
  provider = createStripePaymentProvider({
    secretKey: KEY,
    webhookSecret: SECRET,
    api: standIn.sdkConfig,
    maxNetworkRetries: 0,
    timeoutMs: 2000,
    clock,
  });
});

afterAll(async () => {
  await standIn?.close();
  guard?.restore();
});

afterEach(() => {
  // Nothing but 127.0.0.1 was ever dialled.
  expect(guard.attempts).toEqual([]);
});

beforeEach(() => {
  clock.set(T0);
  standIn.setWebhookTarget(null);
});

const checkout = (overrides: Partial<Parameters<PaymentProvider['createCheckout']>[0]> = {}) =>
  provider.createCheckout({
    memberId: 'mem_1',
    email: 'reader@example.org',
    priceId: 'price_monthly',
    successUrl: 'https://masthead.test/de/account/welcome?session={CHECKOUT_SESSION_ID}',
    cancelUrl: 'https://masthead.test/de/plans',
    locale: 'de-AT',
    ...overrides,
  });

/** Signs a payload the way Stripe does, with the SDK's own test helper. */
const sign = (payload: string, secret = SECRET, timestamp = Math.floor(clock.now().getTime() / 1000)) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

const parse = (event: object): ProviderEvent => {
  const payload = JSON.stringify(event, null, 2);
  return provider.parseWebhook(Buffer.from(payload), sign(payload));
};

describe('createCheckout through the real SDK', () => {
  it('creates a subscription Checkout Session on the stand-in and returns its hosted URL', async () => {
    const before = standIn.requests.length;
    const started = await checkout({ trialDays: 14 });

    expect(started.sessionId).toMatch(/^cs_test_/);
    expect(started.url).toBe(`${standIn.url}/checkout/${started.sessionId}`);
    expect(started.customerId).toBeUndefined();

    const [request, ...more] = standIn.requests.slice(before);
    expect(more).toEqual([]);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', apiKey: KEY, status: 200 });
    expect(request!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request!.headers['stripe-version']).toBe(Stripe.API_VERSION);
    expect(request!.headers['user-agent']).toContain(`NodeBindings/${Stripe.PACKAGE_VERSION}`);
    expect(request!.form).toEqual({
      mode: 'subscription',
      line_items: [{ price: 'price_monthly', quantity: '1' }],
      client_reference_id: 'mem_1',
      metadata: { memberId: 'mem_1' },
      subscription_data: { metadata: { memberId: 'mem_1' }, trial_period_days: '14' },
      customer_email: 'reader@example.org',
      success_url: 'https://masthead.test/de/account/welcome?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://masthead.test/de/plans',
      locale: 'de',
    });
    expect(request!.formPairs).toContainEqual(['line_items[0][price]', 'price_monthly']);
    expect(standIn.checkoutSession(started.sessionId)).toMatchObject({
      status: 'open',
      mode: 'subscription',
      client_reference_id: 'mem_1',
    });
  });

  it('reuses a known customer instead of the email, and sends no trial unless asked', async () => {
    const { session } = await standIn.completeCheckout((await checkout()).sessionId, { deliver: false });
    const customerId = session.customer!;
    const before = standIn.requests.length;

    const started = await checkout({ customerId, priceId: 'price_yearly', locale: 'pt-BR' });

    expect(started.customerId).toBe(customerId);
    const form = standIn.requests[before]!.form;
    expect(form.customer).toBe(customerId);
    expect(form.customer_email).toBeUndefined();
    expect(form.subscription_data).toEqual({ metadata: { memberId: 'mem_1' } });
    expect(form.locale).toBe('pt-BR');
  });

  it('maps edition locales to what Checkout speaks, else auto', async () => {
    const locales: unknown[] = [];
    for (const locale of ['zh-Hant-HK', 'es-MX', 'fr-BE', 'gsw', 'not a locale']) {
      const before = standIn.requests.length;
      await checkout({ locale });
      locales.push(standIn.requests[before]!.form.locale);
    }
    expect(locales).toEqual(['zh-HK', 'es-419', 'fr', 'auto', 'auto']);
  });

  it('turns Stripe errors into PaymentProviderError with the provider details for logs', async () => {
    const error = await checkout({ priceId: 'price_gone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error).toMatchObject({
      code: 'internal',
      failure: 'invalid_request',
      details: { providerCode: 'resource_missing', providerParam: 'line_items[0][price]', statusCode: 400 },
    });
    expect((error as PaymentProviderError).details.providerMessage).toBe("No such price: 'price_gone'");

    await expect(checkout({ customerId: 'cus_unknown' })).rejects.toMatchObject({
      failure: 'invalid_request',
      details: { providerParam: 'customer' },
    });

    const wrongKey = createStripePaymentProvider({
      secretKey: 'sk_test_wrong',
      webhookSecret: SECRET,
      api: standIn.sdkConfig,
      maxNetworkRetries: 0,
    });
    await expect(
      wrongKey.createPortalSession({ customerId: 'cus_x', returnUrl: 'https://masthead.test/', locale: 'en' }),
    ).rejects.toMatchObject({
      failure: 'authentication',
      details: { statusCode: 401 },
    });
  });

  it('refuses a trial that Stripe would refuse, without calling it', async () => {
    const before = standIn.requests.length;
    for (const trialDays of [0, 1.5, 731]) {
      await expect(checkout({ trialDays })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(standIn.requests.length).toBe(before);
  });
});

describe('createPortalSession through the real SDK', () => {
  it('creates a billing portal session for the customer', async () => {
    const { session } = await standIn.completeCheckout((await checkout()).sessionId, { deliver: false });
    const before = standIn.requests.length;

    const portal = await provider.createPortalSession({
      customerId: session.customer!,
      returnUrl: 'https://masthead.test/en/account',
      locale: 'en-AU',
    });

    expect(portal.url).toMatch(new RegExp(`^${standIn.url}/billing_portal/bps_`));
    expect(standIn.requests[before]).toMatchObject({
      method: 'POST',
      path: '/v1/billing_portal/sessions',
      form: { customer: session.customer, return_url: 'https://masthead.test/en/account', locale: 'en-AU' },
    });
  });
});

describe('parseWebhook', () => {
  async function checkoutEvents() {
    const started = await checkout({ memberId: 'mem_42' });
    return standIn.completeCheckout(started.sessionId, { deliver: false });
  }

  it('accepts a signature from the SDK test helper over the exact bytes', async () => {
    const { events, subscription, session } = await checkoutEvents();
    const created = events.find((e) => e.type === 'customer.subscription.created')!;

    expect(parse(created)).toEqual({
      id: created.id,
      type: 'subscription.updated',
      providerType: 'customer.subscription.created',
      occurredAt: T0,
      subscription: {
        providerSubscriptionId: subscription.id,
        customerId: session.customer,
        memberRef: 'mem_42',
        status: 'active',
        priceId: 'price_monthly',
        currentPeriodEnd: new Date('2026-04-01T10:00:00Z'),
        cancelAtPeriodEnd: false,
        cancelAt: null,
        updatedAt: T0,
      },
    });
  });

  it('maps checkout.session.completed and ignores what we do not handle', async () => {
    const { events, subscription, session } = await checkoutEvents();
    const byType = Object.fromEntries(events.map((e) => [e.type, parse(e)]));

    expect(byType['checkout.session.completed']).toMatchObject({
      type: 'checkout.completed',
      checkoutSessionId: session.id,
      customerId: session.customer,
      memberRef: 'mem_42',
      subscriptionId: subscription.id,
    });
    expect(byType['customer.created']).toMatchObject({ type: 'ignored', providerType: 'customer.created' });
    expect(parse(standIn.createEvent('invoice.paid', { id: 'in_1', object: 'invoice' }))).toMatchObject({ type: 'ignored' });
  });

  it('rejects a wrong secret, a modified body, a stale or missing signature', async () => {
    const { events } = await checkoutEvents();
    const payload = JSON.stringify(events[1], null, 2);
    const body = Buffer.from(payload);

    expect(() => provider.parseWebhook(body, sign(payload, 'whsec_someone_else'))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(Buffer.from(payload.replace('"active"', '"trialing"')), sign(payload))).toThrow(
      WebhookSignatureError,
    );
    expect(() => provider.parseWebhook(Buffer.from(JSON.stringify(events[1])), sign(payload))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(body, '')).toThrow(WebhookSignatureError);
    const tenMinutesAgo = Math.floor(clock.now().getTime() / 1000) - 600;
    expect(() => provider.parseWebhook(body, sign(payload, SECRET, tenMinutesAgo))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(body, sign(payload))).not.toThrow();

    const error = (() => {
      try {
        provider.parseWebhook(body, 'garbage');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'invalid_input', details: { reason: 'webhook_signature' } });
  });

  it('rejects a correctly signed body it cannot read', () => {
    const notJson = 'hello';
    expect(() => provider.parseWebhook(Buffer.from(notJson), sign(notJson))).toThrow(WebhookPayloadError);
    const broken = standIn.createEvent('customer.subscription.updated', { id: 'sub_x', object: 'subscription', status: 'active' });
    expect(() => parse(broken)).toThrow(WebhookPayloadError);
  });

  it('maps trials, cancellation at period end, deletion and unknown statuses', async () => {
    const { subscription } = await standIn.completeCheckout((await checkout({ trialDays: 7 })).sessionId, { deliver: false });
    const trial = parse(standIn.events.findLast((e) => e.type === 'customer.subscription.created')!);
    expect(trial).toMatchObject({ subscription: { status: 'trialing', currentPeriodEnd: new Date('2026-03-08T10:00:00Z') } });

    clock.set('2026-03-02T09:00:00Z');
    const { event: cancelling } = await standIn.updateSubscription(subscription.id, { status: 'active', cancel_at_period_end: true });
    expect(cancelling.data.previous_attributes).toMatchObject({ status: 'trialing', cancel_at_period_end: false });
    expect(parse(cancelling)).toMatchObject({
      occurredAt: new Date('2026-03-02T09:00:00Z'),
      subscription: {
        status: 'active',
        cancelAtPeriodEnd: true,
        cancelAt: new Date('2026-03-08T10:00:00Z'),
        updatedAt: new Date('2026-03-02T09:00:00Z'),
      },
    });

    const { event: deleted } = await standIn.deleteSubscription(subscription.id);
    expect(parse(deleted)).toMatchObject({
      type: 'subscription.updated',
      providerType: 'customer.subscription.deleted',
      subscription: { status: 'canceled' },
    });

    const future = standIn.createEvent('customer.subscription.updated', {
      ...standIn.subscription(subscription.id)!,
      status: 'hibernating',
    });
    expect(parse(future)).toMatchObject({ type: 'ignored', reason: "unknown subscription status 'hibernating'" });
  });

  it('reads the period from the subscription itself on payloads of older API versions', () => {
    const legacy = {
      id: 'sub_legacy',
      object: 'subscription',
      customer: { id: 'cus_legacy', object: 'customer' },
      status: 'past_due',
      cancel_at_period_end: false,
      cancel_at: null,
      current_period_end: 1_775_000_000,
      metadata: {},
      items: { object: 'list', data: [{ price: { id: 'price_monthly' } }] },
    };
    expect(parse(standIn.createEvent('customer.subscription.updated', legacy))).toMatchObject({
      subscription: { customerId: 'cus_legacy', memberRef: null, status: 'past_due', currentPeriodEnd: new Date(1_775_000_000_000) },
    });
  });
});

describe('webhooks into the subscription reducer', () => {
  let receiver: ReturnType<typeof createWebhookReceiver>;
  beforeEach(() => {
    receiver = createWebhookReceiver(provider);
    standIn.setWebhookTarget(receiver.target);
  });

  async function subscribe(memberId = 'mem_7') {
    const { subscription, deliveries } = await standIn.completeCheckout((await checkout({ memberId })).sessionId);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    return subscription.id;
  }

  it('a replayed event leaves the same state', async () => {
    const id = await subscribe();
    clock.set('2026-03-05T00:00:00Z');
    const { deliveries } = await standIn.updateSubscription(id, { status: 'past_due' }, { duplicate: true });
    const after = receiver.rows.get(id);

    expect(deliveries.map((d) => [d.status, d.responseBody])).toEqual([
      [200, 'applied'],
      [200, 'duplicate'],
    ]);
    expect(deliveries[0]!.signature).not.toBe(''); // each delivery signed afresh
    expect(after).toMatchObject({ status: 'past_due', memberRef: 'mem_7' });

    // Even past the processed-events table, the reducer itself is idempotent.
    await standIn.sendEvent(deliveries[0]!.event);
    expect(receiver.rows.get(id)).toEqual(after);
  });

  it('an older event delivered after a newer one does not win', async () => {
    const id = await subscribe();
    clock.set('2026-03-05T00:00:00Z');
    const late = await standIn.updateSubscription(id, { status: 'past_due' }, { reorder: true });
    expect(late.deliveries).toEqual([]);
    clock.set('2026-03-05T00:00:30Z');
    const { deliveries } = await standIn.updateSubscription(id, { status: 'active' });

    expect(deliveries.map((d) => [d.event.data.object, d.responseBody])).toEqual([
      [expect.objectContaining({ status: 'active' }), 'applied'],
      [expect.objectContaining({ status: 'past_due' }), 'stale'],
    ]);
    expect(receiver.rows.get(id)).toMatchObject({ status: 'active', providerUpdatedAt: new Date('2026-03-05T00:00:30Z') });
  });

  it('cancel at period end keeps access until Stripe deletes the subscription', async () => {
    const id = await subscribe();
    clock.set('2026-03-10T12:00:00Z');
    await standIn.updateSubscription(id, { cancel_at_period_end: true });
    expect(receiver.rows.get(id)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, cancelAt: new Date('2026-04-01T10:00:00Z') });

    clock.set('2026-04-01T10:00:00Z');
    await standIn.deleteSubscription(id);
    expect(receiver.rows.get(id)).toMatchObject({ status: 'canceled' });
  });

  it('deleted is final, even when an earlier update arrives after it', async () => {
    const id = await subscribe();
    clock.set('2026-03-20T00:00:00Z');
    await standIn.updateSubscription(id, { status: 'past_due' }, { reorder: true });
    const { deliveries } = await standIn.deleteSubscription(id);

    expect(deliveries.map((d) => [d.event.type, d.responseBody])).toEqual([
      ['customer.subscription.deleted', 'applied'],
      ['customer.subscription.updated', 'after_terminal'],
    ]);
    expect(receiver.rows.get(id)?.status).toBe('canceled');
  });

  it('records the customer of the member from checkout.session.completed', async () => {
    const id = await subscribe('mem_99');
    expect(receiver.customerOfMember.get('mem_99')).toBe(standIn.subscription(id)!.customer);
  });
});

describe('network guard', () => {
  it('is live: an SDK aimed off this machine is refused before any connection', async () => {
    const stray = new Stripe(KEY, { host: '192.0.2.1', port: 443, protocol: 'https', maxNetworkRetries: 0, timeout: 1000 });
    await expect(stray.customers.retrieve('cus_x')).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(guard.attempts).toEqual(['192.0.2.1:443']);
    guard.attempts.length = 0;
  });
});
