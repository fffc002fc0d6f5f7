import type { Page, StorySummary } from '../../../../modules/content/index.js';
import { authorPath, storyPath, withPage } from '../../../../modules/content/index.js';
import { textDirection } from '../../../../modules/editions/index.js';
import { html, join, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext } from '../page-context.js';
import { IMAGE_SIZES, responsivePicture } from './picture-view.js';

/** lang and dir attributes for content whose language differs from the edition's interface. */
export function contentLang(ctx: PageContext, locale: string): SafeHtml {
  return locale === ctx.edition.locale ? html`` : html` lang="${locale}" dir="${textDirection(locale)}"`;
}

export function timeTag(ctx: PageContext, date: Date): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${ctx.date(date)}</time>`;
}

export function bylineLinks(ctx: PageContext, story: Pick<StorySummary, 'authors'>): SafeHtml {
  return join(
    story.authors.map((a) => html`<a rel="author" href="${authorPath(ctx.edition.locale, a.slug)}">${a.name}</a>`),
    ', ',
  );
}

export type CardSize = 'lead' | 'standard' | 'compact';

/**
 * A story in a listing, linking to its page in this edition. A story in another language (a
 * fallback) is a card of that language and direction as a whole (an English card in the Arabic
 * edition is `lang="en" dir="ltr"`), so its title, dek and meta line up the same way; the edition's
 * own words in it (section, date, byline, badge) keep the edition's `lang`.
 */
export function storyCard(ctx: PageContext, story: StorySummary, size: CardSize = 'standard'): SafeHtml {
  const href = storyPath(ctx.edition.locale, story.publishedAt, story.slug);
  const image = size !== 'compact' ? story.leadImage : null;
  const title = html`<a href="${href}"${contentLang(ctx, story.locale)}>${story.title}</a>`;
  const foreign = story.locale !== ctx.edition.locale;
  const editionLang = foreign ? html` lang="${ctx.edition.locale}"` : html``;
  // Date, byline and badge: in a card of another direction each is isolated in the edition's own,
  // so "2 يوليو 2014" and "بقلم Selin Arslan" read right inside a left-to-right card.
  const meta: SafeHtml[] = [timeTag(ctx, story.publishedAt)];
  if (story.authors.length > 0) {
    meta.push(
      html`${ctx.t('story.by')} ${join(
        story.authors.map((a) => html`<bdi>${a.name}</bdi>`),
        ', ',
      )}`,
    );
  }
  if (story.isFallback) {
    meta.push(html`<span class="badge">${ctx.t('story.inLanguage', { language: ctx.languageName(story.locale) })}</span>`);
  }
  return html`<article class="card card--${size}"${contentLang(ctx, story.locale)}>
  ${
    image
      ? html`<a class="card__image" href="${href}" tabindex="-1" aria-hidden="true">${responsivePicture(image, size === 'lead' ? IMAGE_SIZES.cardLead : IMAGE_SIZES.card, html`<img src="${image.path}" alt="" width="${image.width}" height="${image.height}" loading="${size === 'lead' ? 'eager' : 'lazy'}" decoding="async">`)}</a>`
      : ''
  }
  <div class="card__text">
    ${story.section && size !== 'compact' ? html`<p class="kicker"${story.section.locale === story.locale ? '' : html` lang="${story.section.locale}"`}>${story.section.name}</p>` : ''}
    ${size === 'lead' ? html`<h2 class="card__title">${title}</h2>` : html`<h3 class="card__title">${title}</h3>`}
    ${size !== 'compact' ? html`<p class="card__dek"${contentLang(ctx, story.locale)}>${story.dek}</p>` : ''}
    <p class="card__meta"${editionLang}>${join(
      meta.map((part) => (foreign ? html`<bdi dir="${ctx.dir}">${part}</bdi>` : part)),
      ' · ',
    )}</p>
  </div>
</article>`;
}

export function storyList(ctx: PageContext, stories: readonly StorySummary[], size: CardSize = 'standard'): SafeHtml {
  return html`<div class="story-list story-list--${size}">${stories.map((s) => storyCard(ctx, s, size))}</div>`;
}

/**
 * How many pages a listing has. A capped count (`Page.capped`) stopped one past the deepest page
 * a listing offers, so its pages end there.
 */
export function pageCount(page: Page<unknown>): number {
  const total = page.capped ? page.total - 1 : page.total;
  return Math.max(1, Math.ceil(total / page.pageSize));
}

/** "12 stories", or "More than 1,000 stories" when the count stopped at its bound. */
export function listingCount(ctx: PageContext, page: Page<unknown>): string {
  return page.capped ? ctx.t('listing.countMore', { count: page.total - 1 }) : ctx.t('listing.count', { count: page.total });
}

/** Previous / next links with "Page 2 of 7". */
export function pagination(ctx: PageContext, page: Page<unknown>, basePath: string): SafeHtml {
  const pages = pageCount(page);
  if (pages <= 1) return html``;
  return html`<nav class="pagination" aria-label="${ctx.t('pagination.label')}">
  ${page.page > 1 ? html`<a rel="prev" href="${withPage(basePath, page.page - 1)}">${ctx.t('pagination.previous')}</a>` : ''}
  <span>${ctx.t('pagination.status', { page: page.page, pages })}</span>
  ${page.page < pages ? html`<a rel="next" href="${withPage(basePath, page.page + 1)}">${ctx.t('pagination.next')}</a>` : ''}
</nav>`;
}
