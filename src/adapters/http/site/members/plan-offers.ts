import { planViews, type PlansConfig } from '../../../../modules/members/index.js';
import type { PaywallPlan } from '../../../../modules/paywall/index.js';
import { createTranslator, type Catalogs } from '../../../../shared/i18n/index.js';
import { priceText } from './subscribe-views.js';

/** The plans with their prices and benefits in the edition's language, for the paywall box on story pages. */
export function paywallPlanOffers(plans: PlansConfig, catalogs: Catalogs, locale: string, defaultLocale: string): PaywallPlan[] {
  const { t } = createTranslator(catalogs, locale, defaultLocale);
  return planViews(plans, locale, defaultLocale).map((plan) => ({
    ...plan,
    price: plan.kind === 'free' ? t('members.plans.free') : plan.prices.map((p) => priceText(t, p)).join(' · ') || null,
  }));
}
