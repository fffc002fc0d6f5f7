import type { AccessDecision, PaywallConfig } from '../../../../modules/paywall/index.js';
import { html, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext } from '../page-context.js';
import type { PaywallPlan } from '../../../../modules/paywall/index.js';

export type Denial = Extract<AccessDecision, { granted: false }>;

export interface PaywallBox {
  decision: Denial;
  /** A signed-in member is not offered to sign in. */
  signedIn: boolean;
  /** Where sign-in brings the reader back to: this page. */
  returnPath: string;
  /** The members module's plans, or null for the benefits from the catalogs. */
  plans: PaywallPlan[] | null;
  config: PaywallConfig;
}

function reason(ctx: PageContext, box: PaywallBox): string {
  const { t } = ctx;
  switch (box.decision.reason) {
    case 'meter_exhausted':
      return box.signedIn
        ? t('paywall.reason.memberMeterExhausted', { limit: box.config.registeredMeterLimit })
        : t('paywall.reason.meterExhausted', { limit: box.config.anonymousMeterLimit });
    case 'registration_required':
      return t('paywall.reason.registrationRequired');
    case 'archive_requires_subscription':
      return t('paywall.reason.archive');
    case 'invalid_meter':
      return t('paywall.reason.invalidMeter');
    case 'subscription_required':
    default:
      return t('paywall.reason.subscriptionRequired');
  }
}

function benefits(ctx: PageContext, offered: PaywallPlan[] | null, offer: Denial['offer']): SafeHtml {
  const { t } = ctx;
  const plans = offer === 'subscribe' ? offered?.filter((plan) => plan.kind !== 'free') : offered;
  if (plans && plans.length > 0) {
    return html`<ul class="paywall__plans">${plans.map(
      (plan) =>
        html`<li class="paywall__plan"><h3>${plan.name}</h3>${plan.price ? html`<p class="paywall__price">${plan.price}</p>` : ''}<ul class="paywall__benefits">${plan.benefits.map(
          (b) => html`<li>${b}</li>`,
        )}</ul></li>`,
    )}</ul>`;
  }
  return html`<h3>${t('paywall.benefits')}</h3>
  <ul class="paywall__benefits">
    <li>${t('paywall.benefit.archive')}</li>
    <li>${t('paywall.benefit.weekInReview')}</li>
    <li>${t('paywall.benefit.events')}</li>
    <li>${t('paywall.benefit.briefings')}</li>
  </ul>`;
}

/**
 * The box a denied reader gets where the withheld text would be: why, what a subscription brings,
 * and the way on (register for free when that is the offer, beside subscribe; sign in: the sign-in
 * page also makes a new reader's free account). It states only the reader's class, never their
 * meter count, so every reader of one class gets the same box.
 */
export function paywallView(ctx: PageContext, box: PaywallBox): SafeHtml {
  const { t } = ctx;
  const locale = ctx.edition.locale;
  const offer = box.decision.offer;
  return html`<section class="paywall" id="paywall" aria-labelledby="paywall-heading" data-offer="${offer}">
  <h2 id="paywall-heading">${offer === 'register' ? t('paywall.heading.register') : t('paywall.heading.subscribe')}</h2>
  <p class="paywall__reason">${reason(ctx, box)}</p>
  ${benefits(ctx, box.plans, offer)}
  <p class="paywall__actions">
    ${offer === 'register' && !box.signedIn ? html`<a class="paywall__button paywall__register" href="/${locale}/sign-in?return=${encodeURIComponent(box.returnPath)}">${t('paywall.register')}</a>` : ''}
    <a class="paywall__button paywall__subscribe" href="/${locale}/subscribe">${t('paywall.subscribe')}</a>
    ${box.signedIn ? '' : html`<a class="paywall__button paywall__sign-in" href="/${locale}/sign-in?return=${encodeURIComponent(box.returnPath)}">${t('paywall.signIn')}</a>`}
  </p>
</section>`;
}
