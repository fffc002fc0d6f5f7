import { join } from 'node:path';
import { createMemberStores } from '../../adapters/db/repositories/members/index.js';
import { createStaffStores } from '../../adapters/db/repositories/staff/index.js';
import { registerAdminAuth } from '../../adapters/http/admin-api/admin-auth.js';
import { registerComplimentaryRoutes } from '../../adapters/http/admin-api/complimentary-routes.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { heldGiftTokens, MEMBER_COOKIE } from '../../adapters/http/site/members/member-http.js';
import { registerMemberSite } from '../../adapters/http/site/members/members-site.js';
import { priceText } from '../../adapters/http/site/members/subscribe-views.js';
import { loadAssets } from '../../adapters/http/site/assets.js';
import { SitePages } from '../../adapters/http/site/site-pages.js';
import { registerPaymentWebhook, STRIPE_WEBHOOK_PATH } from '../../adapters/http/webhooks/payment-webhook-routes.js';
import { createStripePaymentProvider } from '../../adapters/payments/stripe-payment-provider.js';
import { parseCookies } from '../../adapters/http/admin-api/cookies.js';
import { ReaderService } from '../../modules/content/reader-service.js';
import {
  createMembersModule,
  GiftService,
  memberReaderState,
  MemberSessionService,
  meterMonth,
  planViews,
  SIGN_IN_RULES,
} from '../../modules/members/index.js';
import type { PaymentProvider } from '../../modules/members/payments/index.js';
// The staff module's database-backed limiter, shared table and rules engine (not on its index).
import { AccountLimits, RateLimiter } from '../../modules/newsroom/staff/rate-limiter.js';
import type { MembersForPaywall, ReaderResolver } from '../../modules/paywall/index.js';
import type { Logger } from '../../shared/logger.js';
import { createTranslator, loadCatalogs, type Catalogs } from '../../shared/i18n/index.js';
import type { Services } from '../container.js';
import { packageRoot } from '../paths.js';
import { enqueueNow } from './jobs-wiring.js';
import { adminAuthDeps, secureCookies } from './staff-wiring.js';

const catalogsOf = new WeakMap<Services, Catalogs>();
function catalogs(services: Services): Catalogs {
  let loaded = catalogsOf.get(services);
  if (!loaded) {
    loaded = loadCatalogs(join(packageRoot(), 'locales'), services.editions.locales);
    catalogsOf.set(services, loaded);
  }
  return loaded;
}

/** The reader resolver for the paywall: `(cookieHeader, now) => { reader, memberId }`. */
export function buildReaderResolver(services: Services): ReaderResolver {
  const stores = createMemberStores(services.database.db, services.database.dialect);
  const sessions = new MemberSessionService({ sessions: stores.sessions, clock: services.clock });
  const paywall = services.config.paywall;
  return async (cookieHeader, now) => {
    const found = await sessions.resolve(parseCookies(cookieHeader).get(MEMBER_COOKIE), now);
    if (!found) return { reader: { kind: 'anonymous', meter: [] }, memberId: null };
    return { reader: await memberReaderState({ ...stores, paywall }, found.member.id, now), memberId: found.member.id };
  };
}

/** The paywall's members port (modules/paywall/members-port.ts), every part of it, built over the services. */
export function buildMembersPaywallApi(services: Services): Required<MembersForPaywall> {
  const { config, editions, clock, database } = services;
  const stores = createMemberStores(database.db, database.dialect);
  const gifts = new GiftService({ gifts: stores.gifts, stories: stores.stories, clock, paywall: config.paywall });
  return {
    resolveReader: buildReaderResolver(services),
    recordMemberRead: (memberId, storyId, now) => stores.reads.record(memberId, meterMonth(now), storyId, now),
    giftFor: (cookieHeader, storyId, now) => gifts.giftFor(heldGiftTokens(cookieHeader), storyId, now),
    async plansFor(locale) {
      const { t } = createTranslator(catalogs(services), locale, editions.defaultLocale);
      return planViews(config.plans, locale, editions.defaultLocale).map((plan) => ({
        ...plan,
        price: plan.kind === 'free' ? t('members.plans.free') : plan.prices.map((p) => priceText(t, p)).join(' · ') || null,
      }));
    },
  };
}

function paymentProvider(services: Services): PaymentProvider | null {
  const payments = services.config.payments;
  if (!payments) return null;
  return createStripePaymentProvider({
    secretKey: payments.secretKey,
    webhookSecret: payments.webhookSecret,
    clock: services.clock,
    ...(payments.api ? { api: payments.api, maxNetworkRetries: 0 } : {}),
  });
}

/** Where forms may be redirected: the provider's hosted checkout and portal. */
function providerOrigins(services: Services): string[] {
  const payments = services.config.payments;
  if (!payments) return [];
  if (payments.api) return [`${payments.api.protocol}://${payments.api.host}:${payments.api.port}`];
  return ['https://checkout.stripe.com', 'https://billing.stripe.com'];
}

function warnAboutSetup(services: Services, log: Logger): void {
  const { config } = services;
  if (!config.smtpUrl && config.production) log.warn({}, 'members: no SMTP_URL in production, so sign-in links cannot be mailed');
  if (!config.smtpUrl && !config.production) log.warn({}, 'members: no SMTP_URL; sign-in links are printed in this log (development only)');
  if (!config.payments) log.warn({}, 'members: STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET not set; paid plans say payments are not configured');
}

/** Members: sign-in by magic link, the account, plans and checkout, gifts, payment webhooks, complimentary grants. */
export function buildMembersModule(services: Services): HttpModule {
  return {
    name: 'members',
    register(app) {
      const { config, editions, clock, database } = services;
      warnAboutSetup(services, app.log);
      const stores = createMemberStores(database.db, database.dialect);
      const provider = paymentProvider(services);
      const members = createMembersModule({
        stores,
        signInLimits: new AccountLimits(new RateLimiter(createStaffStores(database.db).rateLimits, clock), SIGN_IN_RULES),
        enqueue: enqueueNow(services),
        clock,
        publicUrl: config.publicUrl,
        siteName: config.siteName,
        plans: config.plans,
        paywall: config.paywall,
        provider,
        providerName: 'stripe',
        editions: editions.locales,
      });
      const root = packageRoot();
      const pages = new SitePages({
        editions,
        catalogs: catalogs(services),
        reader: new ReaderService({ content: services.contentRead, editions, clock }),
        assets: loadAssets(join(root, 'assets')).urls,
        publicUrl: config.publicUrl,
        timeZone: config.timeZone,
        clock,
        navigationTtlMs: config.pageCacheSeconds * 1000,
      });
      registerMemberSite(app, {
        members,
        editions,
        pages,
        plans: config.plans,
        paywall: config.paywall,
        clock,
        secureCookies: secureCookies(config),
        providerOrigins: providerOrigins(services),
      });
      if (provider) registerPaymentWebhook(app, { path: STRIPE_WEBHOOK_PATH, provider, subscriptions: members.subscriptions });
      void app.register(async (admin) => {
        registerAdminAuth(admin, adminAuthDeps(services));
        registerComplimentaryRoutes(admin, { complimentary: members.complimentary });
      });
    },
  };
}
