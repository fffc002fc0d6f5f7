import {
  applySubscriptionEvent,
  type PaymentProvider,
  type ProviderEvent,
  type SubscriptionState,
} from '../../src/modules/members/payments/index.js';
import { AppError } from '../../src/shared/errors.js';

/**
 * What the app's webhook route and members store must do, in memory: verify, then in one
 * "transaction" record the event id (a duplicate answers 200 and changes nothing), run the reducer
 * on the stored row, and save what it returns.
 */
export function createWebhookReceiver(provider: PaymentProvider) {
  const processed = new Set<string>();
  const rows = new Map<string, SubscriptionState>();
  const customerOfMember = new Map<string, string>();
  const log: Array<{ eventId: string; type: ProviderEvent['type'] | 'rejected'; result: string }> = [];

  function receive(body: Buffer, signature: string): { status: number; body: string } {
    let event: ProviderEvent;
    try {
      event = provider.parseWebhook(body, signature);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') {
        log.push({ eventId: '?', type: 'rejected', result: error.name });
        return { status: 400, body: error.message };
      }
      throw error;
    }
    if (processed.has(event.id)) {
      log.push({ eventId: event.id, type: event.type, result: 'duplicate event id' });
      return { status: 200, body: 'duplicate' };
    }
    if (event.type === 'checkout.completed' && event.memberRef && event.customerId) {
      customerOfMember.set(event.memberRef, event.customerId);
    }
    const stored = event.type === 'subscription.updated' ? (rows.get(event.subscription.providerSubscriptionId) ?? null) : null;
    const decision = applySubscriptionEvent(stored, event);
    if (decision.outcome === 'apply') rows.set(decision.state.providerSubscriptionId, decision.state);
    processed.add(event.id);
    const result = decision.outcome === 'apply' ? 'applied' : decision.reason;
    log.push({ eventId: event.id, type: event.type, result });
    return { status: 200, body: result };
  }

  return {
    receive,
    rows,
    processed,
    customerOfMember,
    log,
    /** For startStripeStandIn({ webhookTarget }) without an HTTP server. */
    target: ({ body, headers }: { body: Buffer; headers: Record<string, string> }) => receive(body, headers['stripe-signature'] ?? ''),
  };
}
