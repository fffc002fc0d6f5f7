import { z } from 'zod';
import {
  SUBSCRIPTION_STATUSES,
  WebhookPayloadError,
  type ProviderEvent,
  type ProviderSubscription,
  type SubscriptionStatus,
} from '../../modules/members/payments/index.js';

// Only the fields we read, checked at the boundary. Unknown fields pass through untouched, so new
// API versions that add fields do not break us; ones that move a field we read fail loudly here.
const idOrObject = z.union([z.string(), z.object({ id: z.string() })]);
/** The last second of year 9999: a larger Unix time is not a date (1e15 would crash `toISOString`). */
const MAX_UNIX_SECONDS = 253_402_300_799;
const unixSeconds = z.number().int().nonnegative().max(MAX_UNIX_SECONDS);

const eventSchema = z.object({
  id: z.string().min(1),
  object: z.literal('event'),
  type: z.string().min(1),
  created: unixSeconds,
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const subscriptionSchema = z.object({
  id: z.string().min(1),
  object: z.literal('subscription'),
  customer: idOrObject,
  status: z.string(),
  cancel_at_period_end: z.boolean(),
  cancel_at: unixSeconds.nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  // API versions before 2025-03-31 carried the period on the subscription, later ones on its items.
  current_period_end: unixSeconds.optional(),
  items: z.object({
    data: z.array(z.object({ price: z.object({ id: z.string() }), current_period_end: unixSeconds.optional() })),
  }),
});

const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal('checkout.session'),
  mode: z.string(),
  customer: idOrObject.nullable(),
  client_reference_id: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  subscription: idOrObject.nullable().optional(),
});

/** Metadata key under which our member id rides on Checkout Sessions and subscriptions. */
export const MEMBER_ID_METADATA_KEY = 'memberId';

/**
 * Maps a verified Stripe event to the provider-neutral event. Every `customer.subscription.*`
 * event carries a full snapshot of the subscription (`deleted` with status 'canceled'), so all of
 * them become 'subscription.updated'; the snapshot's time is the event's `created`.
 */
export function mapStripeEvent(raw: unknown): ProviderEvent {
  const event = parse(eventSchema, raw, 'event');
  const base = { id: event.id, providerType: event.type, occurredAt: fromUnix(event.created) };
  if (event.type.startsWith('customer.subscription.')) {
    const subscription = parse(subscriptionSchema, event.data.object, event.type);
    const status = toStatus(subscription.status);
    if (!status) return { ...base, type: 'ignored', reason: `unknown subscription status '${subscription.status}'` };
    return { ...base, type: 'subscription.updated', subscription: toSubscription(subscription, status, event.created) };
  }
  if (event.type === 'checkout.session.completed') {
    const session = parse(checkoutSessionSchema, event.data.object, event.type);
    if (session.mode !== 'subscription') return { ...base, type: 'ignored', reason: `checkout mode '${session.mode}'` };
    return {
      ...base,
      type: 'checkout.completed',
      checkoutSessionId: session.id,
      customerId: idOf(session.customer),
      memberRef: session.client_reference_id ?? session.metadata?.[MEMBER_ID_METADATA_KEY] ?? null,
      subscriptionId: idOf(session.subscription ?? null),
    };
  }
  return { ...base, type: 'ignored', reason: 'not handled' };
}

function toSubscription(
  subscription: z.infer<typeof subscriptionSchema>,
  status: SubscriptionStatus,
  eventCreated: number,
): ProviderSubscription {
  const items = subscription.items.data;
  const periodEnds = items.map((item) => item.current_period_end).filter((end) => end !== undefined);
  const periodEnd = periodEnds.length > 0 ? Math.min(...periodEnds) : subscription.current_period_end;
  const cancelAt = subscription.cancel_at ?? null;
  return {
    providerSubscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    memberRef: subscription.metadata?.[MEMBER_ID_METADATA_KEY] ?? null,
    status,
    priceId: items[0]?.price.id ?? null,
    currentPeriodEnd: periodEnd === undefined ? null : fromUnix(periodEnd),
    // The portal and dashboard may schedule the end as `cancel_at` instead of the flag.
    cancelAtPeriodEnd: subscription.cancel_at_period_end || cancelAt !== null,
    cancelAt: cancelAt === null ? null : fromUnix(cancelAt),
    updatedAt: fromUnix(eventCreated),
  };
}

function toStatus(status: string): SubscriptionStatus | null {
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(status) ? (status as SubscriptionStatus) : null;
}

function idOf(value: string | { id: string }): string;
function idOf(value: string | { id: string } | null): string | null;
function idOf(value: string | { id: string } | null): string | null {
  return value === null ? null : typeof value === 'string' ? value : value.id;
}

function fromUnix(seconds: number): Date {
  return new Date(seconds * 1000);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new WebhookPayloadError(`Unexpected Stripe ${what} payload`, {
    issues: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  });
}
