import type { FastifyInstance } from 'fastify';
import type { SubscriptionService } from '../../../modules/members/index.js';
import type { PaymentProvider } from '../../../modules/members/payments/index.js';
import { sendApiError } from '../api-errors.js';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
/** Provider events are small; Stripe's largest are well under this. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * The payment provider's webhook endpoint, in its own scope: every body is kept as the exact bytes
 * received (no JSON parsing), since the signature is computed over them. A bad signature or an
 * unreadable body answers 400 `{ error: { code: 'invalid_input', ... } }` and changes nothing; an
 * event already applied answers 200; a failure of ours answers 500 so the provider retries (the
 * transaction rolled back with the event id, so the retry is processed in full).
 */
export function registerPaymentWebhook(
  app: FastifyInstance,
  deps: { path: string; provider: PaymentProvider; subscriptions: SubscriptionService },
): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    const keepBytes = (_request: unknown, body: Buffer | string, done: (error: Error | null, body?: unknown) => void) => done(null, body);
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, keepBytes);
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, keepBytes);
    scope.setErrorHandler((error, request, reply) => sendApiError(request, reply, error));
    scope.post(deps.path, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const header = request.headers['stripe-signature'];
      const event = deps.provider.parseWebhook(raw, typeof header === 'string' ? header : '');
      const outcome = await deps.subscriptions.handle(event);
      request.log.info({ eventId: event.id, type: event.providerType, outcome }, 'payment webhook');
      return reply.code(200).header('cache-control', 'no-store').send({ received: true, outcome });
    });
  });
}
