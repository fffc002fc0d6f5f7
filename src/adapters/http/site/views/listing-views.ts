import type { AuthorView } from '../../../../modules/content/index.js';
import type { NamedLink, Page, StorySummary, TopicLink } from '../../../../modules/content/index.js';
import type { HomePage } from '../../../../modules/content/index.js';
import { authorPath, editionPath, sectionPath, topicPath, withPage } from '../../../../modules/content/index.js';
import { html, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext, PageMeta } from '../page-context.js';
import { contentLang, listingCount, pageCount, pagination, storyCard, storyList } from './story-card-view.js';

export interface Rendered {
  meta: PageMeta;
  main: SafeHtml;
}

/** Pages after the first are not canonicalised to the first; each page is its own listing. */
function listingMeta(ctx: PageContext, title: string, description: string, basePath: string, page: number): PageMeta {
  const pageTitle = page > 1 ? `${title} · ${ctx.t('pagination.status', { page, pages: page })}` : title;
  return {
    title: `${pageTitle} | ${ctx.edition.siteName}`,
    description,
    canonical: withPage(basePath, page),
    alternates: ctx.editions.list.map((e) => ({ hreflang: e.locale, href: editionPath(e.locale) })),
  };
}

export function homeView(ctx: PageContext, home: HomePage): Rendered {
  const { t } = ctx;
  const base = editionPath(ctx.edition.locale);
  const meta: PageMeta = {
    ...listingMeta(ctx, ctx.edition.siteName, t('home.description', { site: ctx.edition.siteName }), base, home.latest.page),
    title:
      home.latest.page > 1
        ? `${t('home.latest')} · ${t('pagination.status', { page: home.latest.page, pages: pageCount(home.latest) })} | ${ctx.edition.siteName}`
        : ctx.edition.siteName,
    alternates: [
      ...ctx.editions.list.map((e) => ({ hreflang: e.locale, href: editionPath(e.locale) })),
      { hreflang: 'x-default', href: '/' },
    ],
  };
  const main = html`<h1 class="visually-hidden">${ctx.edition.siteName}</h1>
${home.lead ? html`<section class="lead" aria-label="${t('home.lead')}">${storyCard(ctx, home.lead, 'lead')}</section>` : ''}
<section class="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading">${t('home.latest')}</h2>
  ${home.latest.items.length > 0 ? storyList(ctx, home.latest.items) : html`<p>${t('listing.empty')}</p>`}
  ${
    home.latest.page === 1 && home.latest.total > home.latest.items.length + 1
      ? html`<p class="more-link"><a href="${withPage(base, 2)}">${t('home.olderStories')}</a></p>`
      : pagination(ctx, { ...home.latest, pageSize: 20 }, base)
  }
</section>
${home.sections.map(
  (block) => html`<section class="section-block" aria-labelledby="section-${block.section.id}">
  <h2 id="section-${block.section.id}"><a href="${sectionPath(ctx.edition.locale, block.section.slug)}"${contentLang(ctx, block.section.locale)}>${block.section.name}</a></h2>
  ${storyList(ctx, block.stories)}
</section>`,
)}`;
  return { meta, main };
}

function listingPage(ctx: PageContext, heading: SafeHtml, stories: Page<StorySummary>, basePath: string): SafeHtml {
  return html`${heading}
${stories.items.length > 0 ? storyList(ctx, stories.items) : html`<p>${ctx.t('listing.empty')}</p>`}
${pagination(ctx, stories, basePath)}`;
}

function topicKindLabel(ctx: PageContext, topic: TopicLink): string {
  switch (topic.kind) {
    case 'place':
      return ctx.t('topic.kind.place');
    case 'person':
      return ctx.t('topic.kind.person');
    case 'organization':
      return ctx.t('topic.kind.organization');
    default:
      return ctx.t('topic.kind.theme');
  }
}

export function topicView(ctx: PageContext, topic: TopicLink, stories: Page<StorySummary>): Rendered {
  const base = topicPath(ctx.edition.locale, topic.slug);
  const heading = html`<header class="listing-header"><p class="kicker">${topicKindLabel(ctx, topic)}</p><h1${contentLang(ctx, topic.locale)}>${topic.name}</h1><p>${listingCount(ctx, stories)}</p></header>`;
  return {
    meta: listingMeta(ctx, topic.name, ctx.t('topic.description', { topic: topic.name }), base, stories.page),
    main: listingPage(ctx, heading, stories, base),
  };
}

export function sectionView(ctx: PageContext, section: NamedLink, stories: Page<StorySummary>): Rendered {
  const base = sectionPath(ctx.edition.locale, section.slug);
  const heading = html`<header class="listing-header"><h1${contentLang(ctx, section.locale)}>${section.name}</h1><p>${listingCount(ctx, stories)}</p></header>`;
  return {
    meta: listingMeta(ctx, section.name, ctx.t('section.description', { section: section.name }), base, stories.page),
    main: listingPage(ctx, heading, stories, base),
  };
}

export function authorView(ctx: PageContext, author: AuthorView, stories: Page<StorySummary>): Rendered {
  const base = authorPath(ctx.edition.locale, author.slug);
  const heading = html`<header class="listing-header author-header">
  ${author.avatar ? html`<img class="avatar" src="${author.avatar.path}" alt="" width="96" height="96">` : ''}
  <div><h1>${author.name}</h1>
  ${author.bio ? html`<p class="bio"${contentLang(ctx, author.locale)}>${author.bio}</p>` : ''}
  <p>${listingCount(ctx, stories)}</p></div>
</header>`;
  return {
    meta: listingMeta(ctx, author.name, author.bio ?? ctx.t('author.description', { author: author.name }), base, stories.page),
    main: listingPage(ctx, heading, stories, base),
  };
}

export function errorView(ctx: PageContext, status: 400 | 404 | 500, requestId: string): Rendered {
  const { t } = ctx;
  const [title, body] =
    status === 404
      ? [t('error.notFound.title'), t('error.notFound.body')]
      : status === 400
        ? [t('error.badRequest.title'), t('error.badRequest.body')]
        : [t('error.serverError.title'), t('error.serverError.body')];
  return {
    meta: { title: `${title} | ${ctx.edition.siteName}`, description: body, canonical: ctx.path, noindex: true },
    main: html`<section class="error-page">
  <h1>${title}</h1>
  <p>${body}</p>
  ${status === 500 ? html`<p class="request-id">${t('error.requestId', { id: requestId })}</p>` : ''}
  <p><a href="${editionPath(ctx.edition.locale)}">${t('error.backHome')}</a></p>
</section>`,
  };
}
