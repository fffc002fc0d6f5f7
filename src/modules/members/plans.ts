import { z } from 'zod';

/**
 * Plans as the publisher configures them (the `plans` key of the config file): one free plan for
 * registered readers and paid plans sold by the payment provider, each with its name and benefits
 * in every edition's language. Amounts are for display only: the provider's price is what is charged.
 */
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;
const localizedText = z.record(z.string().regex(LOCALE, 'keys are language tags such as "en"'), z.string().trim().min(1).max(300));

const priceSchema = z.strictObject({
  /** The provider's price id (Stripe: price_…). */
  priceId: z.string().min(1).max(200),
  /** In the currency's minor unit (cents): 900 is 9.00. */
  amount: z.int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"'),
});

const planSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lower-case letters, digits and dashes'),
    kind: z.enum(['free', 'paid']),
    name: localizedText,
    benefits: z.array(localizedText).max(20).default([]),
    trialDays: z.int().min(1).max(730).optional(),
    monthly: priceSchema.optional(),
    yearly: priceSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.kind === 'paid' && !plan.monthly && !plan.yearly)
      ctx.addIssue({ code: 'custom', message: 'a paid plan needs a monthly or a yearly price' });
    if (plan.kind === 'free' && (plan.monthly || plan.yearly || plan.trialDays)) {
      ctx.addIssue({ code: 'custom', message: 'a free plan has no price and no trial' });
    }
  });

export const PlansConfigSchema = z
  .array(planSchema)
  .min(1)
  .max(10)
  .superRefine((plans, ctx) => {
    const ids = plans.map((p) => p.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'plan ids must be unique' });
    const prices = plans.flatMap((p) => [p.monthly?.priceId, p.yearly?.priceId]).filter(Boolean);
    if (new Set(prices).size !== prices.length) ctx.addIssue({ code: 'custom', message: 'a price id may belong to one plan only' });
    if (plans.filter((p) => p.kind === 'free').length > 1) ctx.addIssue({ code: 'custom', message: 'at most one free plan' });
  });

export type PlanConfig = z.infer<typeof planSchema>;
export type PlansConfig = z.infer<typeof PlansConfigSchema>;
export type BillingInterval = 'monthly' | 'yearly';
export const BILLING_INTERVALS: readonly BillingInterval[] = ['monthly', 'yearly'];

/** Problems (naming the key) when a plan lacks the text of one of the editions. */
export function missingPlanTexts(plans: PlansConfig, locales: readonly string[]): string[] {
  const problems: string[] = [];
  plans.forEach((plan, i) => {
    const texts: Array<[string, Record<string, string>]> = [
      [`plans.${i}.name`, plan.name],
      ...plan.benefits.map((b, j) => [`plans.${i}.benefits.${j}`, b] as [string, Record<string, string>]),
    ];
    for (const [key, text] of texts) {
      for (const locale of locales) if (!text[locale]) problems.push(`${key}: missing the "${locale}" text`);
    }
  });
  return problems;
}

/** One price of a plan as the subscribe page and the paywall box show it. */
export interface PriceView {
  interval: BillingInterval;
  priceId: string;
  amount: number;
  currency: string;
  /** The amount in the edition's number format and currency ("€9.00", "۹٫۰۰ €"). */
  formatted: string;
}

export interface PlanView {
  id: string;
  kind: 'free' | 'paid';
  name: string;
  benefits: string[];
  trialDays: number | null;
  prices: PriceView[];
}

/** The plans in one edition's language (its text, else the fallback's, else any). */
export function planViews(plans: PlansConfig, locale: string, fallbackLocale: string): PlanView[] {
  const pick = (text: Record<string, string>) => text[locale] ?? text[fallbackLocale] ?? Object.values(text)[0] ?? '';
  return plans.map((plan) => ({
    id: plan.id,
    kind: plan.kind,
    name: pick(plan.name),
    benefits: plan.benefits.map(pick),
    trialDays: plan.trialDays ?? null,
    prices: BILLING_INTERVALS.flatMap((interval) => {
      const price = plan[interval];
      return price
        ? [
            {
              interval,
              priceId: price.priceId,
              amount: price.amount,
              currency: price.currency,
              formatted: formatAmount(price.amount, price.currency, locale),
            },
          ]
        : [];
    }),
  }));
}

/** The plan and interval a provider price belongs to. */
export function planOfPrice(plans: PlansConfig, priceId: string | null): { plan: PlanConfig; interval: BillingInterval } | null {
  if (!priceId) return null;
  for (const plan of plans) {
    for (const interval of BILLING_INTERVALS) if (plan[interval]?.priceId === priceId) return { plan, interval };
  }
  return null;
}

/** Currency formatters by locale and currency: building one costs more than a page's queries, and plans are few. */
const currencyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

export function formatAmount(minorUnits: number, currency: string, locale: string): string {
  const key = `${locale}\u0000${currency}`;
  let cached = currencyFormats.get(key);
  if (!cached) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    cached = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    currencyFormats.set(key, cached);
  }
  return cached.format.format(minorUnits / 10 ** cached.digits);
}

const WEEK_IN_REVIEW = {
  en: 'The weekly “Week in Review” newsletter',
  tr: 'Haftalık “Haftanın Özeti” bülteni',
  ar: 'النشرة الأسبوعية «حصاد الأسبوع»',
  fa: 'خبرنامهٔ هفتگی «مرور هفته»',
};

/** The demo plans, used when the config file sets none. */
export const DEFAULT_PLANS: PlansConfig = PlansConfigSchema.parse([
  {
    id: 'registered',
    kind: 'free',
    name: { en: 'Registered', tr: 'Kayıtlı okur', ar: 'قارئ مسجّل', fa: 'خوانندهٔ عضو' },
    benefits: [
      { en: 'Free stories every month', tr: 'Her ay ücretsiz haberler', ar: 'مقالات مجانية كل شهر', fa: 'مطالب رایگان در هر ماه' },
      WEEK_IN_REVIEW,
    ],
  },
  {
    id: 'supporter',
    kind: 'paid',
    name: { en: 'Supporter', tr: 'Destekçi', ar: 'داعم', fa: 'حامی' },
    trialDays: 14,
    monthly: { priceId: 'price_supporter_monthly', amount: 900, currency: 'EUR' },
    yearly: { priceId: 'price_supporter_yearly', amount: 9000, currency: 'EUR' },
    benefits: [
      {
        en: 'Unlimited access to every story',
        tr: 'Tüm haberlere sınırsız erişim',
        ar: 'وصول غير محدود إلى كل المقالات',
        fa: 'دسترسی نامحدود به همهٔ مطالب',
      },
      { en: 'The complete archive', tr: 'Arşivin tamamı', ar: 'الأرشيف الكامل', fa: 'آرشیو کامل' },
      WEEK_IN_REVIEW,
      { en: 'Invitations to our events', tr: 'Etkinliklerimize davetler', ar: 'دعوات إلى فعالياتنا', fa: 'دعوت به رویدادهای ما' },
      {
        en: 'Invite-only briefings with our reporters',
        tr: 'Muhabirlerimizle yalnızca davetlilere özel brifingler',
        ar: 'إحاطات حصرية للمدعوين مع مراسلينا',
        fa: 'جلسه‌های توجیهی ویژهٔ مدعوان با خبرنگاران ما',
      },
    ],
  },
]);
