import Stripe from 'stripe';
import { newId } from './stripe-stand-in-wire.js';

/**
 * The Stripe objects the stand-in hands out and sends in events, with the fields of the current API
 * version (2026-10-28: the billing period lives on subscription items, not the subscription).
 * Plain JSON, built here only, so the shapes stay in one place.
 */

export interface PriceSpec {
  unitAmount: number;
  currency: string;
  interval: 'day' | 'week' | 'month' | 'year';
  product?: string;
}

export interface WireCustomer {
  id: string;
  object: 'customer';
  created: number;
  email: string | null;
  name: string | null;
  metadata: Record<string, string>;
  livemode: false;
}

export interface WireCheckoutSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: string | null;
  customer_details: { email: string | null } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: 'subscription';
  payment_method_types: string[];
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired';
  subscription: string | null;
  success_url: string | null;
  ui_mode: 'hosted';
  url: string | null;
}

export interface WirePortalSession {
  id: string;
  object: 'billing_portal.session';
  configuration: string;
  created: number;
  customer: string;
  flow: null;
  livemode: false;
  locale: string | null;
  on_behalf_of: null;
  return_url: string | null;
  url: string;
}

export type WireSubscriptionStatus =
  'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'unpaid' | 'paused' | 'canceled';

export interface WireSubscriptionItem {
  id: string;
  object: 'subscription_item';
  created: number;
  current_period_start: number;
  current_period_end: number;
  metadata: Record<string, string>;
  price: {
    id: string;
    object: 'price';
    active: true;
    currency: string;
    product: string;
    recurring: { interval: PriceSpec['interval']; interval_count: 1; usage_type: 'licensed' };
    type: 'recurring';
    unit_amount: number;
  };
  quantity: number;
  subscription: string;
}

export interface WireSubscription {
  id: string;
  object: 'subscription';
  billing_cycle_anchor: number;
  cancel_at: number | null;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  cancellation_details: { comment: string | null; feedback: string | null; reason: string | null };
  collection_method: 'charge_automatically';
  created: number;
  currency: string;
  customer: string;
  ended_at: number | null;
  items: { object: 'list'; data: WireSubscriptionItem[]; has_more: false; total_count: number; url: string };
  latest_invoice: string | null;
  livemode: false;
  metadata: Record<string, string>;
  start_date: number;
  status: WireSubscriptionStatus;
  trial_end: number | null;
  trial_start: number | null;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: object; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export function buildCustomer(
  now: number,
  fields: { email?: string | null; name?: string | null; metadata?: Record<string, string> },
): WireCustomer {
  return {
    id: newId('cus'),
    object: 'customer',
    created: now,
    email: fields.email ?? null,
    name: fields.name ?? null,
    metadata: fields.metadata ?? {},
    livemode: false,
  };
}

export function buildSubscription(input: {
  now: number;
  customer: string;
  priceId: string;
  price: PriceSpec;
  quantity: number;
  metadata: Record<string, string>;
  trialDays: number | null;
}): WireSubscription {
  const id = newId('sub');
  const { now, price } = input;
  const trialEnd = input.trialDays ? now + input.trialDays * 86_400 : null;
  const periodEnd = trialEnd ?? addInterval(now, price.interval);
  return {
    id,
    object: 'subscription',
    billing_cycle_anchor: periodEnd,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: price.currency,
    customer: input.customer,
    ended_at: null,
    items: {
      object: 'list',
      data: [
        {
          id: newId('si'),
          object: 'subscription_item',
          created: now,
          current_period_start: now,
          current_period_end: periodEnd,
          metadata: {},
          price: priceObject(input.priceId, price),
          quantity: input.quantity,
          subscription: id,
        },
      ],
      has_more: false,
      total_count: 1,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: trialEnd ? null : newId('in'),
    livemode: false,
    metadata: input.metadata,
    start_date: now,
    status: trialEnd ? 'trialing' : 'active',
    trial_end: trialEnd,
    trial_start: trialEnd ? now : null,
  };
}

export function priceObject(id: string, price: PriceSpec): WireSubscriptionItem['price'] {
  return {
    id,
    object: 'price',
    active: true,
    currency: price.currency,
    product: price.product ?? `prod_${id.replace(/^price_/, '')}`,
    recurring: { interval: price.interval, interval_count: 1, usage_type: 'licensed' },
    type: 'recurring',
    unit_amount: price.unitAmount,
  };
}

export function buildEvent(
  type: string,
  object: object,
  created: number,
  options: { previousAttributes?: Record<string, unknown>; requestId?: string | null } = {},
): StripeEvent {
  return {
    id: newId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created,
    // A snapshot: later changes to the live object must not leak into an event already built.
    data: { object: structuredClone(object), ...(options.previousAttributes ? { previous_attributes: options.previousAttributes } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: options.requestId ?? null, idempotency_key: null },
    type,
  };
}

export function addInterval(fromSeconds: number, interval: PriceSpec['interval']): number {
  const date = new Date(fromSeconds * 1000);
  if (interval === 'day') date.setUTCDate(date.getUTCDate() + 1);
  if (interval === 'week') date.setUTCDate(date.getUTCDate() + 7);
  if (interval === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + 1);
  return Math.floor(date.getTime() / 1000);
}
