import type { ServerResponse } from 'node:http';
import {
  buildCustomer,
  buildSubscription,
  priceObject,
  type PriceSpec,
  type StripeEvent,
  type WireCheckoutSession,
  type WireCustomer,
  type WirePortalSession,
  type WireSubscription,
} from './stripe-stand-in-objects.js';
import { checkoutDonePage, checkoutPage, notFoundPage, portalPage } from './stripe-stand-in-pages.js';
import {
  CHECKOUT_LOCALES,
  PORTAL_LOCALES,
  StripeWireError,
  invalidParam,
  isValidUrl,
  missingParam,
  newId,
  noSuch,
  obj,
  redirect,
  sendHtml,
  str,
  stringRecord,
  type FormObject,
} from './stripe-stand-in-wire.js';
import type { DeliveryOptions, SubscriptionPatch, WebhookDelivery } from './stripe-stand-in.js';

/** What a Checkout Session knows beyond its public object, to create the subscription on Pay. */
interface SessionRecord {
  session: WireCheckoutSession;
  priceId: string;
  price: PriceSpec;
  quantity: number;
  trialDays: number | null;
  subscriptionMetadata: Record<string, string>;
}

export interface StandInState {
  baseUrl: string;
  customers: Map<string, WireCustomer>;
  sessions: Map<string, SessionRecord>;
  portalSessions: Map<string, WirePortalSession>;
  subscriptions: Map<string, WireSubscription>;
  events: StripeEvent[];
  idempotency: Map<string, { status: number; body: unknown }>;
}

interface Deps {
  state: StandInState;
  prices: Record<string, PriceSpec> | undefined;
  nowSeconds: () => number;
  emit: (type: string, object: object, previousAttributes?: Record<string, unknown>) => StripeEvent;
  dispatch: (events: StripeEvent[], options?: DeliveryOptions) => Promise<WebhookDelivery[]>;
}

const DEFAULT_PRICE: PriceSpec = { unitAmount: 900, currency: 'eur', interval: 'month' };

/** The stand-in's behaviour: REST endpoints, hosted pages, and the state changes behind them. */
export function createStripeApi({ state, prices, nowSeconds, emit, dispatch }: Deps) {
  const ok = (body: unknown) => ({ status: 200, body });

  function priceSpec(id: string, param: string): PriceSpec {
    if (prices) {
      const spec = prices[id];
      if (!spec) throw noSuch('price', id, param);
      return spec;
    }
    if (!id.startsWith('price_')) throw noSuch('price', id, param);
    return DEFAULT_PRICE;
  }

  function optionalUrl(params: FormObject, key: string): string | null {
    const value = str(params, key);
    if (value === undefined) return null;
    if (!isValidUrl(value)) throw invalidParam(key, 'Not a valid URL', 'url_invalid');
    return value;
  }

  function locale(params: FormObject, allowed: Set<string>): string | null {
    const value = str(params, 'locale');
    if (value !== undefined && !allowed.has(value)) {
      throw invalidParam('locale', `Invalid locale: must be one of ${[...allowed].join(', ')}`, 'parameter_invalid_string');
    }
    return value ?? null;
  }

  function createCheckoutSession(params: FormObject) {
    const mode = str(params, 'mode');
    if (!mode) throw missingParam('mode');
    if (mode !== 'subscription') throw invalidParam('mode', `The Stripe stand-in implements mode=subscription only, not '${mode}'.`);
    const lineItems = params.line_items;
    if (!Array.isArray(lineItems) || lineItems.length === 0) throw missingParam('line_items');
    if (lineItems.length !== 1) throw invalidParam('line_items', 'The Stripe stand-in supports exactly one line item.');
    const item = lineItems[0];
    const priceId = item && typeof item === 'object' && !Array.isArray(item) ? str(item, 'price') : undefined;
    if (!priceId) throw missingParam('line_items[0][price]');
    const price = priceSpec(priceId, 'line_items[0][price]');
    const quantity = integer(str(item as FormObject, 'quantity') ?? '1', 'line_items[0][quantity]', 1, 10_000);
    const customer = str(params, 'customer') ?? null;
    const customerEmail = str(params, 'customer_email') ?? null;
    if (customer && customerEmail) {
      throw new StripeWireError(400, 'invalid_request_error', 'You may only specify one of these parameters: customer, customer_email.');
    }
    if (customer && !state.customers.has(customer)) throw noSuch('customer', customer, 'customer');
    const subscriptionData = obj(params, 'subscription_data');
    const trialRaw = subscriptionData ? str(subscriptionData, 'trial_period_days') : undefined;
    const trialDays = trialRaw === undefined ? null : integer(trialRaw, 'subscription_data[trial_period_days]', 1, 730);
    const clientReferenceId = str(params, 'client_reference_id') ?? null;
    if (clientReferenceId !== null && clientReferenceId.length > 200) {
      throw invalidParam('client_reference_id', 'client_reference_id must be at most 200 characters.', 'string_length_exceeded');
    }
    const now = nowSeconds();
    const id = newId('cs_test');
    const session: WireCheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: price.unitAmount * quantity,
      amount_total: price.unitAmount * quantity,
      cancel_url: optionalUrl(params, 'cancel_url'),
      client_reference_id: clientReferenceId,
      created: now,
      currency: price.currency,
      customer,
      customer_details: null,
      customer_email: customerEmail,
      expires_at: now + 24 * 3600,
      livemode: false,
      locale: locale(params, CHECKOUT_LOCALES),
      metadata: stringRecord(obj(params, 'metadata')),
      mode: 'subscription',
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      status: 'open',
      subscription: null,
      success_url: optionalUrl(params, 'success_url'),
      ui_mode: 'hosted',
      url: `${state.baseUrl}/checkout/${id}`,
    };
    state.sessions.set(id, {
      session,
      priceId,
      price,
      quantity,
      trialDays,
      subscriptionMetadata: stringRecord(obj(subscriptionData, 'metadata')),
    });
    return ok(session);
  }

  function createPortalSession(params: FormObject) {
    const customer = str(params, 'customer');
    if (!customer) throw missingParam('customer');
    if (!state.customers.has(customer)) throw noSuch('customer', customer, 'customer');
    const id = newId('bps');
    const session: WirePortalSession = {
      id,
      object: 'billing_portal.session',
      configuration: 'bpc_standin',
      created: nowSeconds(),
      customer,
      flow: null,
      livemode: false,
      locale: locale(params, PORTAL_LOCALES),
      on_behalf_of: null,
      return_url: optionalUrl(params, 'return_url'),
      url: `${state.baseUrl}/billing_portal/${id}`,
    };
    state.portalSessions.set(id, session);
    return ok(session);
  }

  function createCustomer(fields: { email?: string | null; name?: string | null; metadata?: Record<string, string> }) {
    const customer = buildCustomer(nowSeconds(), fields);
    state.customers.set(customer.id, customer);
    return customer;
  }

  function find<T>(map: Map<string, T>, id: string, what: string): T {
    const found = map.get(id);
    if (!found) throw noSuch(what, id, 'id', 404);
    return found;
  }

  async function handleApi(method: string, path: string, params: FormObject): Promise<{ status: number; body: unknown }> {
    const [, , resource, second, third] = path.split('/');
    const route = `${method} /${[resource, second, third].filter(Boolean).join('/')}`;
    if (route === 'POST /checkout/sessions') return createCheckoutSession(params);
    if (method === 'GET' && resource === 'checkout' && second === 'sessions' && third)
      return ok(find(state.sessions, third, 'checkout.session').session);
    if (route === 'POST /billing_portal/sessions') return createPortalSession(params);
    if (route === 'POST /customers') {
      return ok(
        createCustomer({
          email: str(params, 'email') ?? null,
          name: str(params, 'name') ?? null,
          metadata: stringRecord(obj(params, 'metadata')),
        }),
      );
    }
    if (method === 'GET' && resource === 'customers' && second && !third) return ok(find(state.customers, second, 'customer'));
    if (method === 'GET' && resource === 'subscriptions' && second && !third) return ok(find(state.subscriptions, second, 'subscription'));
    if (method === 'GET' && resource === 'events' && second && !third) {
      return ok(find(new Map(state.events.map((e) => [e.id, e])), second, 'event'));
    }
    throw new StripeWireError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
  }

  async function completeCheckout(sessionId: string, options: { deliver?: boolean } = {}) {
    const record = state.sessions.get(sessionId);
    if (!record) throw new Error(`Stripe stand-in: no checkout session ${sessionId}`);
    const { session } = record;
    if (session.status !== 'open') throw new Error(`Stripe stand-in: checkout session ${sessionId} is ${session.status}`);
    const events: StripeEvent[] = [];
    let customer = session.customer ? state.customers.get(session.customer) : undefined;
    if (!customer) {
      customer = createCustomer({ email: session.customer_email });
      events.push(emit('customer.created', customer));
    }
    const subscription = buildSubscription({
      now: nowSeconds(),
      customer: customer.id,
      priceId: record.priceId,
      price: record.price,
      quantity: record.quantity,
      metadata: record.subscriptionMetadata,
      trialDays: record.trialDays,
    });
    state.subscriptions.set(subscription.id, subscription);
    events.push(emit('customer.subscription.created', subscription));
    Object.assign(session, {
      status: 'complete',
      payment_status: record.trialDays ? 'no_payment_required' : 'paid',
      customer: customer.id,
      customer_details: { email: customer.email },
      subscription: subscription.id,
      url: null,
    } satisfies Partial<WireCheckoutSession>);
    events.push(emit('checkout.session.completed', session));
    const deliveries = await dispatch(events, options);
    return { session, subscription, events, deliveries };
  }

  async function updateSubscription(id: string, patch: SubscriptionPatch, options?: DeliveryOptions) {
    const sub = state.subscriptions.get(id);
    if (!sub) throw new Error(`Stripe stand-in: no subscription ${id}`);
    if (sub.status === 'canceled') throw new Error(`Stripe stand-in: subscription ${id} is canceled and cannot change`);
    const before = structuredClone(sub);
    const item = sub.items.data[0]!;
    if (patch.status) sub.status = patch.status;
    if (patch.metadata) sub.metadata = { ...sub.metadata, ...patch.metadata };
    if (patch.price) item.price = priceObject(patch.price, priceSpec(patch.price, 'items[0][price]'));
    if (patch.current_period_end !== undefined) {
      item.current_period_start = item.current_period_end;
      item.current_period_end = patch.current_period_end;
    }
    if (patch.cancel_at_period_end !== undefined) {
      // Stripe mirrors a period-end cancellation into cancel_at.
      sub.cancel_at_period_end = patch.cancel_at_period_end;
      sub.cancel_at = patch.cancel_at_period_end ? item.current_period_end : null;
      sub.canceled_at = patch.cancel_at_period_end ? nowSeconds() : null;
    }
    if (patch.cancel_at !== undefined) sub.cancel_at = patch.cancel_at;
    const previous: Record<string, unknown> = {};
    for (const key of Object.keys(sub) as Array<keyof WireSubscription>) {
      if (JSON.stringify(before[key]) !== JSON.stringify(sub[key])) previous[key] = before[key];
    }
    const event = emit('customer.subscription.updated', sub, previous);
    return { event, deliveries: await dispatch([event], options) };
  }

  async function deleteSubscription(id: string, options?: DeliveryOptions) {
    const sub = state.subscriptions.get(id);
    if (!sub) throw new Error(`Stripe stand-in: no subscription ${id}`);
    const now = nowSeconds();
    Object.assign(sub, { status: 'canceled', canceled_at: sub.canceled_at ?? now, ended_at: now } satisfies Partial<WireSubscription>);
    sub.cancellation_details.reason = 'cancellation_requested';
    const event = emit('customer.subscription.deleted', sub);
    return { event, deliveries: await dispatch([event], options) };
  }

  async function handlePage(method: string, path: string, params: FormObject, res: ServerResponse) {
    const [, area, id, action] = path.split('/');
    if (area === 'checkout' && id && !action) {
      const record = state.sessions.get(id);
      if (!record) return sendHtml(res, 404, notFoundPage());
      if (method === 'GET') {
        const price = {
          id: record.priceId,
          amount: record.price.unitAmount * record.quantity,
          currency: record.price.currency,
          interval: record.price.interval,
        };
        return sendHtml(res, 200, checkoutPage(record.session, price, record.trialDays));
      }
      if (method === 'POST') {
        if (record.session.status !== 'open') return sendHtml(res, 409, checkoutDonePage(record.session));
        const { session } = await completeCheckout(id);
        if (!session.success_url) return sendHtml(res, 200, checkoutDonePage(session));
        return redirect(res, session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id));
      }
    }
    if (area === 'billing_portal' && id) {
      const portal = state.portalSessions.get(id);
      if (!portal) return sendHtml(res, 404, notFoundPage());
      if (method === 'GET' && !action) {
        const subs = [...state.subscriptions.values()].filter((s) => s.customer === portal.customer);
        return sendHtml(res, 200, portalPage(portal, subs));
      }
      if (method === 'POST' && (action === 'cancel' || action === 'renew')) {
        const subId = str(params, 'subscription') ?? '';
        const sub = state.subscriptions.get(subId);
        if (!sub || sub.customer !== portal.customer) return sendHtml(res, 404, notFoundPage());
        await updateSubscription(subId, { cancel_at_period_end: action === 'cancel' });
        return redirect(res, `/billing_portal/${id}`);
      }
    }
    return sendHtml(res, 404, notFoundPage());
  }

  return { handleApi, handlePage, completeCheckout, updateSubscription, deleteSubscription };
}

function integer(value: string, param: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) {
    throw invalidParam(param, `Invalid integer: ${value}. Must be between ${min} and ${max}.`, 'parameter_invalid_integer');
  }
  return n;
}
