import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStripePaymentProvider } from '../../src/adapters/payments/stripe-payment-provider.js';
import type { PaymentProvider } from '../../src/modules/members/payments/index.js';
import { guardNetwork } from '../support/stripe-stand-in-network-guard.js';
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in.js';
import { createWebhookReceiver } from './webhook-receiver.js';

const KEY = 'sk_test_masthead_browser';
const SECRET = 'whsec_test_masthead_browser';

let guard: ReturnType<typeof guardNetwork>;
let standIn: StripeStandIn;
let provider: PaymentProvider;
let app: Server;
let appUrl: string;
let receiver: ReturnType<typeof createWebhookReceiver>;

/** A stand-in for our app's webhook route: raw bytes in, verify, reduce, answer. */
function startApp(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const result = receiver.receive(Buffer.concat(chunks), String(req.headers['stripe-signature'] ?? ''));
      res.writeHead(result.status, { 'content-type': 'text/plain' }).end(result.body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  guard = guardNetwork();
  app = await startApp();
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  standIn = await startStripeStandIn({ webhookSecret: SECRET, apiKey: KEY, webhookTarget: `${appUrl}/webhooks/stripe` });
  provider = createStripePaymentProvider({
    secretKey: KEY,
    webhookSecret: SECRET,
    api: standIn.sdkConfig,
    maxNetworkRetries: 0,
    timeoutMs: 2000,
  });
  receiver = createWebhookReceiver(provider);
});

afterAll(async () => {
  await standIn?.close();
  await new Promise((resolve) => app?.close(resolve));
  guard?.restore();
});

afterEach(() => {
  expect(guard.attempts).toEqual([]);
});

const formAction = (html: string) => /<form method="post" action="([^"]+)"/.exec(html)?.[1];

describe('a reader clicks through the hosted pages', () => {
  it('pays on the checkout page, is sent to success_url, and the app hears about it', async () => {
    const started = await provider.createCheckout({
      memberId: 'mem_browser',
      email: 'browser@example.org',
      priceId: 'price_basic',
      successUrl: `${appUrl}/en/welcome?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${appUrl}/en/plans`,
      locale: 'fr',
    });

    const page = await fetch(started.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<button type="submit" name="pay" value="1">Pay</button>');
    expect(html).toContain('browser@example.org');
    const action = formAction(html)!;
    expect(action).toBe(`/checkout/${started.sessionId}`);

    const paid = await fetch(new URL(action, started.url), {
      method: 'POST',
      body: new URLSearchParams({ pay: '1' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${appUrl}/en/welcome?session=${started.sessionId}`);

    expect(standIn.deliveries.map((d) => [d.event.type, d.status])).toEqual([
      ['customer.created', 200],
      ['customer.subscription.created', 200],
      ['checkout.session.completed', 200],
    ]);
    const session = standIn.checkoutSession(started.sessionId)!;
    expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(receiver.rows.get(session.subscription!)).toMatchObject({
      status: 'active',
      memberRef: 'mem_browser',
      customerId: session.customer,
    });
    expect(receiver.customerOfMember.get('mem_browser')).toBe(session.customer);

    // A second click changes nothing.
    const again = await fetch(new URL(action, started.url), {
      method: 'POST',
      body: new URLSearchParams({ pay: '1' }),
      redirect: 'manual',
    });
    expect(again.status).toBe(409);
    await expect(standIn.completeCheckout(started.sessionId)).rejects.toThrow(/is complete/);
  });

  it('cancels and renews in the customer portal', async () => {
    const customerId = receiver.customerOfMember.get('mem_browser')!;
    const { url } = await provider.createPortalSession({ customerId, returnUrl: `${appUrl}/en/account`, locale: 'en-GB' });
    const html = await (await fetch(url)).text();
    expect(html).toContain('Cancel subscription');
    expect(html).toContain(`href="${appUrl}/en/account"`);
    const subscriptionId = /data-subscription="([^"]+)"/.exec(html)![1]!;

    const cancel = await fetch(new URL(formAction(html)!, url), {
      method: 'POST',
      body: new URLSearchParams({ subscription: subscriptionId }),
      redirect: 'manual',
    });
    expect(cancel.status).toBe(303);
    expect(receiver.rows.get(subscriptionId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });

    const after = await (await fetch(url)).text();
    expect(after).toContain('Renew subscription');
    await fetch(new URL(formAction(after)!, url), {
      method: 'POST',
      body: new URLSearchParams({ subscription: subscriptionId }),
      redirect: 'manual',
    });
    // Both events may carry the same second; the later rank-equal snapshot wins.
    expect(receiver.rows.get(subscriptionId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: false, cancelAt: null });
  });

  it('a webhook signed with another secret is refused by the app with 400', async () => {
    const other = await startStripeStandIn({ webhookSecret: 'whsec_not_ours', webhookTarget: `${appUrl}/webhooks/stripe` });
    try {
      const processedBefore = receiver.processed.size;
      const [delivery] = await other.sendEvent(
        other.createEvent('customer.subscription.updated', { id: 'sub_forged', object: 'subscription' }),
      );
      expect(delivery).toMatchObject({ status: 400 });
      expect(receiver.log.at(-1)).toEqual({ eventId: '?', type: 'rejected', result: 'WebhookSignatureError' });
      expect(receiver.processed.size).toBe(processedBefore);
      expect(receiver.rows.has('sub_forged')).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe('the stand-in speaks Stripe errors', () => {
  const post = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    });
  const base = { mode: 'subscription', 'line_items[0][price]': 'price_basic', success_url: 'https://masthead.test/ok' };

  it.each([
    [
      'no key',
      '/v1/checkout/sessions',
      base,
      { authorization: '' },
      401,
      { type: 'invalid_request_error', message: expect.stringContaining('did not provide an API key') },
    ],
    [
      'a live key',
      '/v1/checkout/sessions',
      base,
      { authorization: 'Bearer sk_live_nope' },
      401,
      { message: expect.stringContaining('Invalid API Key') },
    ],
    ['no mode', '/v1/checkout/sessions', { 'line_items[0][price]': 'price_basic' }, {}, 400, { code: 'parameter_missing', param: 'mode' }],
    ['no price', '/v1/checkout/sessions', { mode: 'subscription' }, {}, 400, { code: 'parameter_missing', param: 'line_items' }],
    [
      'not a price',
      '/v1/checkout/sessions',
      { ...base, 'line_items[0][price]': 'prod_1' },
      {},
      400,
      { code: 'resource_missing', param: 'line_items[0][price]' },
    ],
    [
      'customer and email',
      '/v1/checkout/sessions',
      { ...base, customer: 'cus_1', customer_email: 'a@b.c' },
      {},
      400,
      { message: expect.stringContaining('only specify one') },
    ],
    ['a bad locale', '/v1/checkout/sessions', { ...base, locale: 'de-AT' }, {}, 400, { param: 'locale' }],
    [
      'a bad trial',
      '/v1/checkout/sessions',
      { ...base, 'subscription_data[trial_period_days]': '0' },
      {},
      400,
      { code: 'parameter_invalid_integer' },
    ],
    ['a bad URL', '/v1/checkout/sessions', { ...base, success_url: 'nope' }, {}, 400, { code: 'url_invalid', param: 'success_url' }],
    [
      'JSON instead of a form',
      '/v1/checkout/sessions',
      base,
      { 'content-type': 'application/json' },
      400,
      { type: 'invalid_request_error' },
    ],
    [
      'an unknown customer',
      '/v1/billing_portal/sessions',
      { customer: 'cus_nobody' },
      {},
      400,
      { code: 'resource_missing', param: 'customer' },
    ],
    ['an unknown URL', '/v1/charges', {}, {}, 404, { message: expect.stringContaining('Unrecognized request URL (POST: /v1/charges)') }],
  ])('refuses %s', async (_name, path, body, headers, status, error) => {
    const response = await post(path, body, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error: expect.objectContaining(error) });
  });

  it('replays a request with the same Idempotency-Key', async () => {
    const first = await (await post('/v1/checkout/sessions', base, { 'idempotency-key': 'key-1' })).json();
    const second = await post('/v1/checkout/sessions', base, { 'idempotency-key': 'key-1' });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await second.json()).id).toBe(first.id);
  });

  it('serves retrieves to the SDK, with Stripe errors for unknown ids', async () => {
    const stripe = new Stripe(KEY, { ...standIn.sdkConfig, maxNetworkRetries: 0 });
    const [sub] = [...receiver.rows.keys()];
    await expect(stripe.subscriptions.retrieve(sub!)).resolves.toMatchObject({ id: sub, object: 'subscription' });
    const error = await stripe.customers.retrieve('cus_nobody').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
