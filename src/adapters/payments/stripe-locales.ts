import type Stripe from 'stripe';

type CheckoutLocale = Stripe.Checkout.SessionCreateParams.Locale;
type PortalLocale = Stripe.BillingPortal.SessionCreateParams.Locale;

// The locales Stripe's hosted pages speak (SDK 23, API 2026-10-28); anything else gets 'auto',
// which lets Stripe follow the browser.
const CHECKOUT_LOCALES: readonly CheckoutLocale[] = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hi-IN',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
];
const PORTAL_LOCALES: readonly PortalLocale[] = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-IE',
  'en-IN',
  'en-NZ',
  'en-SG',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
];

/** The edition locale (BCP 47) as the closest locale Checkout supports. */
export function toCheckoutLocale(locale: string): CheckoutLocale {
  return closest(locale, CHECKOUT_LOCALES);
}

/** The edition locale (BCP 47) as the closest locale the customer portal supports. */
export function toPortalLocale(locale: string): PortalLocale {
  return closest(locale, PORTAL_LOCALES);
}

function closest<T extends string>(locale: string, supported: readonly T[]): T | 'auto' {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale);
  } catch {
    return 'auto';
  }
  const { language, region, script } = parsed;
  const candidates = [
    region ? `${language}-${region}` : null,
    // Traditional Chinese without a region still wants traditional characters.
    language === 'zh' && script === 'Hant' ? (region === 'HK' ? 'zh-HK' : 'zh-TW') : null,
    language === 'es' && region && region !== 'ES' ? 'es-419' : null,
    language,
  ];
  for (const candidate of candidates) {
    const hit = supported.find((s) => s.toLowerCase() === candidate?.toLowerCase());
    if (hit) return hit;
  }
  return 'auto';
}
