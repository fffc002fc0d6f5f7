import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS, missingPlanTexts, planOfPrice, PlansConfigSchema, planViews } from './plans.js';

describe('plans', () => {
  it('the demo plans speak every edition and format prices in its language', () => {
    expect(missingPlanTexts(DEFAULT_PLANS, ['en', 'tr', 'ar', 'fa'])).toEqual([]);
    const [free, supporter] = planViews(DEFAULT_PLANS, 'tr', 'en');
    expect(free).toMatchObject({ kind: 'free', name: 'Kayıtlı okur', prices: [] });
    expect(supporter).toMatchObject({ name: 'Destekçi', trialDays: 14 });
    expect(supporter!.benefits).toContain('Arşivin tamamı');
    expect(supporter!.prices.map((p) => p.interval)).toEqual(['monthly', 'yearly']);
    expect(supporter!.prices[0]!.formatted).toBe(new Intl.NumberFormat('tr', { style: 'currency', currency: 'EUR' }).format(9));
  });

  it('names the key of a missing text, and refuses inconsistent plans', () => {
    const plans = PlansConfigSchema.parse([
      {
        id: 'p',
        kind: 'paid',
        name: { en: 'Paid' },
        benefits: [{ en: 'x', tr: 'y' }],
        monthly: { priceId: 'price_1', amount: 100, currency: 'USD' },
      },
    ]);
    expect(missingPlanTexts(plans, ['en', 'tr'])).toEqual(['plans.0.name: missing the "tr" text']);
    expect(PlansConfigSchema.safeParse([{ id: 'p', kind: 'paid', name: { en: 'P' } }]).success).toBe(false);
    expect(PlansConfigSchema.safeParse([{ id: 'f', kind: 'free', name: { en: 'F' }, trialDays: 3 }]).success).toBe(false);
    expect(planOfPrice(plans, 'price_1')).toMatchObject({ plan: { id: 'p' }, interval: 'monthly' });
    expect(planOfPrice(plans, 'price_2')).toBeNull();
  });
});
