import { registerAdminAuth } from '../../adapters/http/admin-api/admin-auth.js';
import { registerComplimentaryRoutes } from '../../adapters/http/admin-api/complimentary-routes.js';
import type { HttpModule } from '../../adapters/http/app.js';
import { parseCookies } from '../../adapters/http/plugins/cookies.js';
import { heldGiftTokens, MEMBER_COOKIE } from '../../adapters/http/site/members/member-http.js';
import { registerMemberSite } from '../../adapters/http/site/members/members-site.js';
import { paywallPlanOffers } from '../../adapters/http/site/members/plan-offers.js';
import type { SiteMembers } from '../../adapters/http/site/site-deps.js';
import { registerPaymentWebhook, STRIPE_WEBHOOK_PATH } from '../../adapters/http/webhooks/payment-webhook-routes.js';
import type { MembersForPaywall } from '../../modules/paywall/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Services, WebServices } from '../services.js';

/** The paywall's members port (modules/paywall/members-port.ts), every part of it, over the one members module of the services. */
export function buildMembersPaywallApi(services: Services): Required<MembersForPaywall> {
  const { config, editions, catalogs, members } = services;
  return {
    async resolveReader(cookieHeader, now) {
      const found = await members.sessions.resolve(parseCookies(cookieHeader).get(MEMBER_COOKIE), now);
      if (!found) return { reader: { kind: 'anonymous', meter: [] }, memberId: null };
      return { reader: await members.readerState(found.member.id, now), memberId: found.member.id };
    },
    recordMemberRead: (memberId, storyId, now) => members.recordRead(memberId, storyId, now),
    giftFor: (cookieHeader, storyId, now) => members.gifts.giftFor(heldGiftTokens(cookieHeader), storyId, now),
    plansFor: async (locale) => paywallPlanOffers(config.plans, catalogs, locale, editions.defaultLocale),
  };
}

/** Who is signed in, for the reader site's header: the member's email, from their session cookie. */
export function buildSiteMembers(services: Services): SiteMembers {
  const { members } = services;
  return {
    async signedIn(cookieHeader, now) {
      const found = await members.sessions.resolve(parseCookies(cookieHeader).get(MEMBER_COOKIE), now);
      return found ? { email: found.member.email } : null;
    },
  };
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
  if (!config.payments)
    log.warn({}, 'members: STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET not set; paid plans say payments are not configured');
}

/** Members: sign-in by magic link, the account, plans and checkout, gifts, payment webhooks, complimentary grants. */
export function buildMembersModule(web: WebServices): HttpModule {
  const { config, editions, clock, members, paymentProvider } = web;
  return {
    name: 'members',
    register(app) {
      warnAboutSetup(web, app.log);
      registerMemberSite(app, {
        members,
        editions,
        pages: web.pages,
        plans: config.plans,
        paywall: config.paywall,
        clock,
        secureCookies: config.https,
        providerOrigins: providerOrigins(web),
      });
      if (paymentProvider)
        registerPaymentWebhook(app, { path: STRIPE_WEBHOOK_PATH, provider: paymentProvider, subscriptions: members.subscriptions });
      void app.register(async (admin) => {
        registerAdminAuth(admin, web.adminAuth);
        registerComplimentaryRoutes(admin, { complimentary: members.complimentary });
      });
    },
  };
}
