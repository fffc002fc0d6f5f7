import type { PlanView, PriceView } from '../../../../modules/members/index.js';
import { html, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext } from '../page-context.js';
import type { Rendered } from '../views/listing-views.js';
import { csrfField, messageView } from './sign-in-views.js';

/** Who is looking at the plans, which decides what each plan offers to do. */
export type SubscribeViewer = { kind: 'anonymous' } | { kind: 'member'; csrf: string; subscribed: boolean };

const subscribePath = (ctx: PageContext) => `/${ctx.edition.locale}/subscribe`;
const signInToSubscribe = (ctx: PageContext) => `/${ctx.edition.locale}/sign-in?return=${encodeURIComponent(subscribePath(ctx))}`;

/** "€9.00 a month" / "€90.00 a year" in the edition's language. */
export function priceText(t: PageContext['t'], price: PriceView): string {
  return price.interval === 'monthly'
    ? t('members.plans.perMonth', { price: price.formatted })
    : t('members.plans.perYear', { price: price.formatted });
}

function planActions(ctx: PageContext, plan: PlanView, viewer: SubscribeViewer, paymentsConfigured: boolean): SafeHtml {
  const { t } = ctx;
  if (plan.kind === 'free') {
    return viewer.kind === 'anonymous'
      ? html`<p><a class="button" href="/${ctx.edition.locale}/sign-in">${t('members.subscribe.register')}</a></p>`
      : html`<p class="badge">${t('members.subscribe.registered')}</p>`;
  }
  if (!paymentsConfigured) return html`<p class="notice">${t('members.subscribe.notConfigured')}</p>`;
  if (viewer.kind === 'anonymous') {
    return html`<p>${t('members.subscribe.signInFirst')}</p><p><a class="button" href="${signInToSubscribe(ctx)}">${t('members.subscribe.signInLink')}</a></p>`;
  }
  if (viewer.subscribed) {
    return html`<p>${t('members.subscribe.alreadyBody')}</p><p><a href="/${ctx.edition.locale}/account">${t('members.signIn.toAccount')}</a></p>`;
  }
  return html`${plan.prices.map(
    (price) => html`<form method="post" action="${subscribePath(ctx)}">
      ${csrfField(viewer.csrf)}
      <input type="hidden" name="plan" value="${plan.id}">
      <input type="hidden" name="interval" value="${price.interval}">
      <button type="submit">${t('members.subscribe.button', { price: priceText(t, price) })}</button>
    </form>`,
  )}`;
}

export function subscribeView(
  ctx: PageContext,
  plans: readonly PlanView[],
  viewer: SubscribeViewer,
  paymentsConfigured: boolean,
): Rendered {
  const { t } = ctx;
  const title = t('members.subscribe.title');
  return {
    meta: { title: `${title} | ${ctx.edition.siteName}`, description: t('members.subscribe.intro'), canonical: subscribePath(ctx) },
    main: html`<section class="member-page plans">
  <h1>${title}</h1>
  <p>${t('members.subscribe.intro')}</p>
  ${plans.map(
    (plan) => html`<section class="plan" data-plan="${plan.id}" aria-labelledby="plan-${plan.id}">
    <h2 id="plan-${plan.id}">${plan.name}</h2>
    <p class="plan__price">${plan.kind === 'free' ? t('members.plans.free') : plan.prices.map((p) => priceText(t, p)).join(' · ')}</p>
    ${plan.trialDays ? html`<p class="plan__trial">${t('members.plans.trial', { days: plan.trialDays })}</p>` : ''}
    <ul class="plan__benefits">${plan.benefits.map((b) => html`<li>${b}</li>`)}</ul>
    ${planActions(ctx, plan, viewer, paymentsConfigured)}
  </section>`,
  )}
</section>`,
  };
}

export function successView(ctx: PageContext, active: boolean): Rendered {
  const { t } = ctx;
  return messageView(ctx, t('members.success.title'), active ? t('members.success.active') : t('members.success.pending'), [
    { href: `/${ctx.edition.locale}/account`, label: t('members.signIn.toAccount') },
    { href: `/${ctx.edition.locale}/`, label: t('error.backHome') },
  ]);
}
