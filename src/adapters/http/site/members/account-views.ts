import { languageName } from '../../../../modules/editions/index.js';
import {
  planViews,
  type AccountOverview,
  type Member,
  type PlansConfig,
  type StoredSubscription,
} from '../../../../modules/members/index.js';
import { html, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext } from '../page-context.js';
import type { Rendered } from '../views/listing-views.js';
import { csrfField, messageView } from './sign-in-views.js';

export interface AccountPage {
  member: Member;
  overview: AccountOverview;
  plans: PlansConfig;
  csrf: string;
  paymentsConfigured: boolean;
}

const base = (ctx: PageContext) => `/${ctx.edition.locale}/account`;
const meta = (ctx: PageContext, title: string): Rendered['meta'] => ({
  title: `${title} | ${ctx.edition.siteName}`,
  description: title,
  canonical: ctx.path,
  noindex: true,
});

/** One subscription in words, with its dates in the edition's calendar. */
export function subscriptionLine(ctx: PageContext, s: StoredSubscription): string {
  const { t } = ctx;
  const date = (d: Date | null) => (d ? ctx.date(d) : '—');
  switch (s.status) {
    case 'trialing':
      return t('members.status.trialing', { date: date(s.currentPeriodEnd) });
    case 'active':
      return s.cancelAtPeriodEnd
        ? t('members.status.activeEnding', { date: date(s.cancelAt ?? s.currentPeriodEnd) })
        : t('members.status.active', { date: date(s.currentPeriodEnd) });
    case 'past_due':
      return t('members.status.pastDue');
    case 'unpaid':
      return t('members.status.unpaid');
    case 'canceled':
      return s.paidThrough && s.paidThrough.getTime() > ctx.now.getTime()
        ? t('members.status.canceledUntil', { date: date(s.paidThrough) })
        : t('members.status.ended');
    case 'incomplete':
    case 'incomplete_expired':
      return t('members.status.incomplete');
    case 'paused':
      return t('members.status.paused');
  }
}

function subscriptionSection(ctx: PageContext, page: AccountPage): SafeHtml {
  const { t } = ctx;
  const names = new Map(planViews(page.plans, ctx.edition.locale, ctx.editions.defaultLocale).map((p) => [p.id, p.name]));
  const rows = page.overview.subscriptions.slice(0, 3);
  const grant = page.overview.complimentary;
  const grantLine = grant
    ? grant.until === null
      ? t('members.account.complimentaryOpen')
      : grant.until.getTime() > ctx.now.getTime()
        ? t('members.account.complimentaryUntil', { date: ctx.date(grant.until) })
        : null
    : null;
  return html`<section class="account-section" aria-labelledby="subscription">
  <h2 id="subscription">${t('members.account.subscription')}</h2>
  ${rows.length === 0 && !grantLine ? html`<p>${t('members.account.noSubscription')}</p>` : ''}
  ${
    rows.length > 0
      ? html`<ul class="subscriptions">${rows.map(
          (s) =>
            html`<li data-status="${s.status}"><strong>${names.get(s.planId ?? '') ?? t('members.account.subscription')}</strong>: ${subscriptionLine(ctx, s)}</li>`,
        )}</ul>`
      : ''
  }
  ${grantLine ? html`<p class="complimentary">${grantLine}</p>` : ''}
  ${
    page.overview.hasBilling && page.paymentsConfigured
      ? html`<form method="post" action="${base(ctx)}/billing">${csrfField(page.csrf)}<button type="submit">${t('members.account.manageBilling')}</button></form>`
      : html`<p><a href="/${ctx.edition.locale}/subscribe">${t('members.account.seePlans')}</a></p>`
  }
</section>`;
}

export function accountView(ctx: PageContext, page: AccountPage): Rendered {
  const { t } = ctx;
  const { member } = page;
  const preferred = member.preferredEdition ?? ctx.edition.locale;
  const title = t('members.account.title');
  return {
    meta: meta(ctx, title),
    main: html`<section class="member-page account">
  <h1>${title}</h1>
  <dl>
    <dt>${t('members.account.email')}</dt><dd dir="ltr">${member.email}</dd>
    <dt>${t('members.account.memberSince')}</dt><dd>${ctx.date(member.createdAt)}</dd>
  </dl>
  <section class="account-section" aria-labelledby="edition">
    <h2 id="edition">${t('members.account.edition')}</h2>
    <form method="post" action="${base(ctx)}/edition">
      ${csrfField(page.csrf)}
      <label for="edition-select">${t('members.account.edition')}</label>
      <select id="edition-select" name="edition">${ctx.editions.list.map(
        (e) => html`<option value="${e.locale}"${e.locale === preferred ? html` selected` : ''}>${languageName(e.locale)}</option>`,
      )}</select>
      <button type="submit">${t('members.account.save')}</button>
    </form>
  </section>
  ${subscriptionSection(ctx, page)}
  ${
    page.overview.openGifts.length > 0
      ? html`<section class="account-section" aria-labelledby="gifts">
    <h2 id="gifts">${t('members.account.gifts')}</h2>
    <ul>${page.overview.openGifts.map((g) => html`<li>${t('members.account.giftLine', { uses: g.usesLeft, date: ctx.date(g.expiresAt) })}</li>`)}</ul>
  </section>`
      : ''
  }
  <section class="account-section" aria-labelledby="data">
    <h2 id="data">${t('members.account.yourData')}</h2>
    <p><a href="${base(ctx)}/data.json" download>${t('members.account.download')}</a></p>
    <p>${t('members.account.downloadHint')}</p>
  </section>
  <section class="account-section" aria-labelledby="sessions">
    <h2 id="sessions">${t('members.account.sessions')}</h2>
    <form method="post" action="/${ctx.edition.locale}/sign-out">${csrfField(page.csrf)}<button type="submit">${t('members.account.signOut')}</button></form>
    <form method="post" action="${base(ctx)}/sign-out-everywhere">${csrfField(page.csrf)}<button type="submit">${t('members.account.signOutEverywhere')}</button></form>
    <p>${t('members.account.signOutEverywhereHint')}</p>
  </section>
  <section class="account-section" aria-labelledby="delete">
    <h2 id="delete">${t('members.account.delete')}</h2>
    <p><a href="${base(ctx)}/delete">${t('members.account.delete')}</a></p>
  </section>
</section>`,
  };
}

/** The confirmation before deletion, saying what is deleted and what is kept for accounting. */
export function deleteView(ctx: PageContext, csrf: string): Rendered {
  const { t } = ctx;
  const title = t('members.delete.title');
  return {
    meta: meta(ctx, title),
    main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('members.delete.body')}</p>
  <p class="kept">${t('members.delete.kept')}</p>
  <form method="post" action="${base(ctx)}/delete">
    ${csrfField(csrf)}
    <button type="submit">${t('members.delete.confirm')}</button>
  </form>
  <p><a href="${base(ctx)}">${t('members.delete.cancel')}</a></p>
</section>`,
  };
}

export function deletedView(ctx: PageContext): Rendered {
  return messageView(
    ctx,
    ctx.t('members.deleted.title'),
    [ctx.t('members.deleted.body'), ctx.t('members.delete.kept')],
    [{ href: `/${ctx.edition.locale}/`, label: ctx.t('error.backHome') }],
  );
}
