import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { systemClock, type Clock } from '../../src/shared/clock.js';
import { createStripeApi, type StandInState } from './stripe-stand-in-api.js';
import {
  buildEvent,
  type PriceSpec,
  type StripeEvent,
  type WireCheckoutSession,
  type WireCustomer,
  type WireSubscription,
} from './stripe-stand-in-objects.js';
import { StripeWireError, parseStripeForm, sendJson, type FormObject } from './stripe-stand-in-wire.js';

/**
 * A local stand-in for the Stripe API (we cannot reach the real one from tests). It speaks Stripe's
 * wire format for exactly the calls Masthead makes, hosts a clickable checkout page and customer
 * portal, and delivers webhooks signed with the SDK's own `generateTestHeaderString`, so the real
 * SDK runs unchanged on both ends. See src/adapters/payments/README.md for how to use it.
 */

export type WebhookTarget =
  | string
  | ((request: {
      body: Buffer;
      headers: Record<string, string>;
    }) => Promise<{ status: number; body?: string }> | { status: number; body?: string });

export interface StripeStandInOptions {
  /** The endpoint secret webhooks are signed with (the app verifies with the same one). */
  webhookSecret: string;
  /** The app's webhook route (a loopback URL) or an in-process handler (e.g. around fastify.inject). */
  webhookTarget?: WebhookTarget;
  /** When set, requests must carry exactly this key; otherwise any `sk_test_`/`rk_test_` key passes. */
  apiKey?: string;
  /** Known prices; when set, other price ids get Stripe's "No such price". Default: any `price_…`. */
  prices?: Record<string, PriceSpec>;
  /** Timestamps of objects, events and signatures (share the app's clock to control ordering). */
  clock?: Clock;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The bearer token, or null when none was sent. */
  apiKey: string | null;
  rawBody: string;
  /** The form body decoded into Stripe's nested parameters (`line_items[0][price]` → form.line_items[0].price). */
  form: FormObject;
  /** The flat `key=value` pairs as sent. */
  formPairs: Array<[string, string]>;
  status: number;
}

export interface WebhookDelivery {
  event: StripeEvent;
  signature: string;
  /** The app's response status; 0 when it could not be reached. */
  status: number;
  responseBody: string;
}

export interface DeliveryOptions {
  /** false: build and record the event, deliver nothing (send it later with sendEvent). */
  deliver?: boolean;
  /** Hold this event back and deliver it right after the next delivered one: out of order. */
  reorder?: boolean;
  /** Deliver it twice (a redelivery: same event id, fresh signature). */
  duplicate?: boolean;
}

export interface SubscriptionPatch {
  status?: Exclude<WireSubscription['status'], 'canceled'>;
  cancel_at_period_end?: boolean;
  cancel_at?: number | null;
  /** Switch the (single) item to this price. */
  price?: string;
  /** Roll the period: the new start is the old end. */
  current_period_end?: number;
  metadata?: Record<string, string>;
}

export interface StripeStandIn {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** Spread into `new Stripe(key, { ...standIn.sdkConfig })` or pass as the provider's `api`. */
  readonly sdkConfig: { host: string; port: number; protocol: 'http' };
  readonly requests: RecordedRequest[];
  readonly events: StripeEvent[];
  readonly deliveries: WebhookDelivery[];
  requestsTo(method: string, path: string): RecordedRequest[];
  setWebhookTarget(target: WebhookTarget | null): void;
  checkoutSession(id: string): WireCheckoutSession | undefined;
  subscription(id: string): WireSubscription | undefined;
  customer(id: string): WireCustomer | undefined;
  /** What the Pay button does: subscribe, emit customer.created (new customer), customer.subscription.created, checkout.session.completed. */
  completeCheckout(
    sessionId: string,
    options?: { deliver?: boolean },
  ): Promise<{
    session: WireCheckoutSession;
    subscription: WireSubscription;
    events: StripeEvent[];
    deliveries: WebhookDelivery[];
  }>;
  /** Changes a subscription and emits customer.subscription.updated (with previous_attributes). */
  updateSubscription(
    id: string,
    patch: SubscriptionPatch,
    options?: DeliveryOptions,
  ): Promise<{ event: StripeEvent; deliveries: WebhookDelivery[] }>;
  /** Cancels immediately and emits customer.subscription.deleted (status 'canceled'). */
  deleteSubscription(id: string, options?: DeliveryOptions): Promise<{ event: StripeEvent; deliveries: WebhookDelivery[] }>;
  /** Builds (and records) an event around any object, stamped now unless `created` is given. */
  createEvent(type: string, object: object, options?: { created?: number; previousAttributes?: Record<string, unknown> }): StripeEvent;
  /** Delivers an event (new or already sent) to the webhook target. */
  sendEvent(event: StripeEvent, options?: Omit<DeliveryOptions, 'deliver'>): Promise<WebhookDelivery[]>;
  /** Delivers events held back with `reorder`. */
  flushHeld(): Promise<WebhookDelivery[]>;
  /** A Stripe-Signature header for any payload, as the stand-in signs deliveries. */
  signatureFor(payload: string, timestamp?: number): string;
  close(): Promise<void>;
}

export async function startStripeStandIn(options: StripeStandInOptions): Promise<StripeStandIn> {
  const clock = options.clock ?? systemClock;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  let target: WebhookTarget | null = checkTarget(options.webhookTarget ?? null);
  const held: StripeEvent[] = [];
  const requests: RecordedRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  const state: StandInState = {
    baseUrl: '',
    customers: new Map(),
    sessions: new Map(),
    portalSessions: new Map(),
    subscriptions: new Map(),
    events: [],
    idempotency: new Map(),
  };

  const signatureFor = (payload: string, timestamp = nowSeconds()) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret, timestamp });

  async function deliver(event: StripeEvent): Promise<WebhookDelivery | null> {
    if (!target) return null;
    // Stripe sends pretty-printed JSON; a receiver that re-serializes instead of verifying the raw bytes fails.
    const payload = JSON.stringify(event, null, 2);
    const signature = signatureFor(payload);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': signature,
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    };
    let status = 0;
    let responseBody = '';
    try {
      if (typeof target === 'string') {
        const response = await fetch(target, { method: 'POST', headers, body: payload, redirect: 'manual' });
        status = response.status;
        responseBody = await response.text();
      } else {
        const response = await target({ body: Buffer.from(payload), headers });
        status = response.status;
        responseBody = response.body ?? '';
      }
    } catch (error) {
      responseBody = error instanceof Error ? error.message : String(error);
    }
    const delivery = { event, signature, status, responseBody };
    deliveries.push(delivery);
    return delivery;
  }

  async function dispatch(events: StripeEvent[], delivery: DeliveryOptions = {}): Promise<WebhookDelivery[]> {
    if (delivery.deliver === false) return [];
    const out: WebhookDelivery[] = [];
    for (const event of events) {
      if (delivery.reorder) {
        held.push(event);
        continue;
      }
      for (let n = delivery.duplicate ? 2 : 1; n > 0; n--) push(out, await deliver(event));
      while (held.length > 0) push(out, await deliver(held.shift()!));
    }
    return out;
  }

  const emit = (type: string, object: object, previousAttributes?: Record<string, unknown>, created = nowSeconds()) => {
    const event = buildEvent(type, object, created, previousAttributes ? { previousAttributes } : {});
    state.events.push(event);
    return event;
  };

  const api = createStripeApi({ state, prices: options.prices, nowSeconds, emit, dispatch });

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', state.baseUrl);
    const { pairs, params } = parseStripeForm(rawBody);
    const auth = req.headers.authorization;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      apiKey: auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null,
      rawBody,
      form: params,
      formPairs: pairs,
      status: 0,
    };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    try {
      if (url.pathname.startsWith('/v1/')) {
        checkApiKey(record.apiKey, options.apiKey);
        if (record.method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          throw new StripeWireError(400, 'invalid_request_error', 'Content-Type must be application/x-www-form-urlencoded.');
        }
        const idempotencyKey = record.method === 'POST' ? req.headers['idempotency-key'] : undefined;
        const replay = typeof idempotencyKey === 'string' ? state.idempotency.get(idempotencyKey) : undefined;
        if (replay) return sendJson(res, replay.status, replay.body, { 'idempotent-replayed': 'true' });
        const result = await api.handleApi(record.method, url.pathname, params);
        if (typeof idempotencyKey === 'string') state.idempotency.set(idempotencyKey, result);
        return sendJson(res, result.status, result.body, { 'stripe-version': String(req.headers['stripe-version'] ?? Stripe.API_VERSION) });
      }
      await api.handlePage(record.method, url.pathname, params, res);
    } catch (error) {
      if (res.headersSent) return res.destroy();
      if (error instanceof StripeWireError) return sendJson(res, error.status, error.toJSON());
      sendJson(res, 500, { error: { type: 'api_error', message: `Stripe stand-in failure: ${String(error)}` } });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  state.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: state.baseUrl,
    port,
    sdkConfig: { host: '127.0.0.1', port, protocol: 'http' },
    requests,
    events: state.events,
    deliveries,
    requestsTo: (method, path) => requests.filter((r) => r.method === method.toUpperCase() && r.path === path),
    setWebhookTarget: (next) => {
      target = checkTarget(next);
    },
    checkoutSession: (id) => state.sessions.get(id)?.session,
    subscription: (id) => state.subscriptions.get(id),
    customer: (id) => state.customers.get(id),
    completeCheckout: (sessionId, delivery) => api.completeCheckout(sessionId, delivery),
    updateSubscription: (id, patch, delivery) => api.updateSubscription(id, patch, delivery),
    deleteSubscription: (id, delivery) => api.deleteSubscription(id, delivery),
    createEvent: (type, object, opts = {}) => emit(type, object, opts.previousAttributes, opts.created ?? nowSeconds()),
    sendEvent: (event, delivery) => dispatch([event], delivery),
    flushHeld: async () => {
      const out: WebhookDelivery[] = [];
      while (held.length > 0) push(out, await deliver(held.shift()!));
      return out;
    },
    signatureFor,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function checkApiKey(sent: string | null, expected: string | undefined) {
  if (!sent) {
    throw new StripeWireError(
      401,
      'invalid_request_error',
      'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
    );
  }
  const ok = expected ? sent === expected : /^(sk|rk)_test_/.test(sent);
  if (!ok) throw new StripeWireError(401, 'invalid_request_error', `Invalid API Key provided: ${sent.slice(0, 8)}****${sent.slice(-4)}`);
}

/** Webhooks only ever go to this machine: nothing the stand-in does may reach the network. */
function checkTarget(target: WebhookTarget | null): WebhookTarget | null {
  if (typeof target !== 'string') return target;
  const host = new URL(target).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`Stripe stand-in delivers webhooks to loopback only, not ${host}`);
  return target;
}

function push(out: WebhookDelivery[], delivery: WebhookDelivery | null) {
  if (delivery) out.push(delivery);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
