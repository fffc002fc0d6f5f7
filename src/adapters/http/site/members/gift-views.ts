import { GIFT_REDEMPTION_TTL_MS, GIFT_TTL_MS, GIFT_USES, type GiftableStory } from '../../../../modules/members/index.js';
import { html } from '../../../../shared/html.js';
import type { PageContext } from '../page-context.js';
import type { Rendered } from '../views/listing-views.js';
import { csrfField, messageView } from './sign-in-views.js';

const DAYS = Math.round(GIFT_TTL_MS / 86_400_000);
const REDEMPTION_HOURS = Math.round(GIFT_REDEMPTION_TTL_MS / 3_600_000);
const meta = (ctx: PageContext, title: string): Rendered['meta'] => ({
  title: `${title} | ${ctx.edition.siteName}`,
  description: title,
  canonical: ctx.path,
  noindex: true,
});

/** The sharer confirms: what the link will do, then a button. */
export function giftCreateView(ctx: PageContext, story: GiftableStory, csrf: string): Rendered {
  const { t } = ctx;
  const title = t('members.gift.createTitle');
  return {
    meta: meta(ctx, title),
    main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('members.gift.createBody', { title: story.title, uses: GIFT_USES, days: DAYS })}</p>
  <form method="post" action="/${ctx.edition.locale}/gift/new">
    ${csrfField(csrf)}
    <input type="hidden" name="story" value="${story.storyId}">
    <button type="submit">${t('members.gift.createButton')}</button>
  </form>
  <p><a href="${story.path}">${story.title}</a></p>
</section>`,
  };
}

export function giftCreatedView(ctx: PageContext, story: GiftableStory, url: string, expiresAt: Date): Rendered {
  const { t } = ctx;
  const title = t('members.gift.createdTitle');
  return {
    meta: meta(ctx, title),
    main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('members.gift.createdBody', { title: story.title, uses: GIFT_USES, date: ctx.date(expiresAt) })}</p>
  <label for="gift-url">${t('members.gift.linkLabel')}</label>
  <input id="gift-url" type="url" readonly value="${url}" dir="ltr">
  <p><a href="${story.path}">${story.title}</a></p>
</section>`,
  };
}

/** What the recipient sees: the story's title and a button (link previews spend no use). */
export function giftLandingView(ctx: PageContext, story: GiftableStory, csrf: string): Rendered {
  const { t } = ctx;
  const title = t('members.gift.landingTitle');
  return {
    meta: meta(ctx, title),
    main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('members.gift.landingBody', { title: story.title, hours: REDEMPTION_HOURS })}</p>
  <form method="post" action="${ctx.path}">
    ${csrfField(csrf)}
    <button type="submit">${t('members.gift.readButton')}</button>
  </form>
</section>`,
  };
}

export function giftUnavailableView(ctx: PageContext, status: 'expired' | 'exhausted'): Rendered {
  const { t } = ctx;
  return messageView(
    ctx,
    status === 'expired' ? t('members.gift.expiredTitle') : t('members.gift.exhaustedTitle'),
    t('members.gift.unavailableBody'),
    [{ href: `/${ctx.edition.locale}/subscribe`, label: t('members.account.seePlans') }],
  );
}
