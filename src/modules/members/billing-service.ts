import { AppError, invalidInput } from '../../shared/errors.js';
import type { SubscriptionStore } from './member-stores.js';
import type { Member, StoredSubscription } from './member-types.js';
import { isTerminalStatus, type PaymentProvider } from './payments/index.js';
import type { BillingInterval, PlansConfig } from './plans.js';

/** Statuses in which a subscription will charge again unless cancelled. */
const RENEWING = new Set(['trialing', 'active', 'past_due', 'unpaid', 'paused', 'incomplete']);

/** A subscription that will still charge the member unless cancelled (account deletion waits for it). */
export function renewingSubscription(rows: readonly StoredSubscription[]): StoredSubscription | null {
  return rows.find((row) => RENEWING.has(row.status) && !row.cancelAtPeriodEnd) ?? null;
}

/** A subscription that has not ended: it is changed or renewed in the portal, never bought twice. */
export function openSubscription(rows: readonly StoredSubscription[]): StoredSubscription | null {
  return rows.find((row) => !isTerminalStatus(row.status)) ?? null;
}

export interface BillingDeps {
  /** Null when no payment provider is configured: paid plans then explain that. */
  provider: PaymentProvider | null;
  subscriptions: SubscriptionStore;
  plans: PlansConfig;
  publicUrl: string;
}

/** Starting a paid plan (hosted checkout) and managing it (the provider's portal). */
export class BillingService {
  constructor(private readonly deps: BillingDeps) {}

  get configured(): boolean {
    return this.deps.provider !== null;
  }

  /**
   * A hosted checkout for one price of a paid plan. The trial is offered to members who never had
   * a subscription. `already_subscribed` (conflict) while one has not ended: change it in the portal.
   */
  async checkout(member: Member, planId: string, interval: BillingInterval, locale: string): Promise<{ url: string }> {
    const provider = this.requireProvider();
    const plan = this.deps.plans.find((p) => p.id === planId && p.kind === 'paid');
    const price = plan?.[interval];
    if (!plan || !price) throw invalidInput('No such paid plan and interval', { field: 'plan' });
    const history = await this.deps.subscriptions.listOf(member.id);
    if (openSubscription(history)) throw new AppError('conflict', 'Already subscribed', { reason: 'already_subscribed' });
    const base = `${this.deps.publicUrl}/${locale}`;
    const customerId = member.providerCustomerId ?? history[0]?.customerId;
    const started = await provider.createCheckout({
      memberId: member.id,
      email: member.email,
      ...(customerId ? { customerId } : {}),
      priceId: price.priceId,
      ...(plan.trialDays && history.length === 0 ? { trialDays: plan.trialDays } : {}),
      successUrl: `${base}/subscribe/success?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${base}/subscribe`,
      locale,
    });
    return { url: started.url };
  }

  /** A link into the provider's portal; `invalid_input` when the member never went through checkout. */
  async portal(member: Member, locale: string): Promise<{ url: string }> {
    const provider = this.requireProvider();
    const customerId = member.providerCustomerId ?? (await this.deps.subscriptions.listOf(member.id))[0]?.customerId;
    if (!customerId) throw invalidInput('No billing account yet', { reason: 'no_customer' });
    return provider.createPortalSession({ customerId, returnUrl: `${this.deps.publicUrl}/${locale}/account`, locale });
  }

  private requireProvider(): PaymentProvider {
    if (!this.deps.provider) throw new AppError('config_invalid', 'Payments are not configured', { reason: 'payments_not_configured' });
    return this.deps.provider;
  }
}
