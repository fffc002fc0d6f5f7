import { planViews, type PlansConfig, type PlanView } from '../../../../modules/members/index.js';
import { createTranslator, type Catalogs } from '../../../../shared/i18n/index.js';
import { priceText } from './subscribe-views.js';

/** A plan as the paywall box lists it: `SitePaywall.plansFor` in the reader site's deps. */
export interface PaywallPlanOffer extends PlanView {
  /** Every price in the edition's language ("€9.00 a month · €90.00 a year"); "Free" for the free plan. */
  price: string | null;
}

/** The plans with their prices and benefits in the edition's language, for the paywall box on story pages. */
export function paywallPlanOffers(plans: PlansConfig, catalogs: Catalogs, locale: string, defaultLocale: string): PaywallPlanOffer[] {
  const { t } = createTranslator(catalogs, locale, defaultLocale);
  return planViews(plans, locale, defaultLocale).map((plan) => ({
    ...plan,
    price: plan.kind === 'free' ? t('members.plans.free') : plan.prices.map((p) => priceText(t, p)).join(' · ') || null,
  }));
}
