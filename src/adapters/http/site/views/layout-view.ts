import { editionPath, sectionPath } from '../../../../modules/content/index.js';
import { languageName, textDirection } from '../../../../modules/editions/index.js';
import { html, jsonForScript, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext, PageMeta } from '../page-context.js';

const absolute = (ctx: PageContext, path: string) => (/^https?:/.test(path) ? path : ctx.publicUrl + path);

function head(ctx: PageContext, meta: PageMeta): SafeHtml {
  const og = meta.og ?? { type: 'website' as const };
  const image = og.image;
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${absolute(ctx, meta.canonical)}">
${(meta.alternates ?? []).map((a) => html`<link rel="alternate" hreflang="${a.hreflang}" href="${absolute(ctx, a.href)}">\n`)}
<meta property="og:site_name" content="${ctx.edition.siteName}">
<meta property="og:type" content="${og.type}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${absolute(ctx, meta.canonical)}">
<meta property="og:locale" content="${(og.locale ?? ctx.edition.locale).replace('-', '_')}">
${
  image
    ? html`<meta property="og:image" content="${absolute(ctx, image.url)}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${absolute(ctx, image.url)}">`
    : html`<meta name="twitter:card" content="summary">`
}
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${
  meta.article
    ? html`<meta property="article:published_time" content="${meta.article.publishedTime}">
<meta property="article:modified_time" content="${meta.article.modifiedTime}">
${meta.article.section ? html`<meta property="article:section" content="${meta.article.section}">` : ''}
${(meta.article.tags ?? []).map((tag) => html`<meta property="article:tag" content="${tag}">\n`)}`
    : ''
}
<link rel="stylesheet" href="${ctx.assets.stylesheet}">
<link rel="icon" href="${ctx.assets.icon}" type="image/svg+xml">
${meta.jsonLd ? html`<script type="application/ld+json">${jsonForScript(meta.jsonLd)}</script>` : ''}`;
}

function masthead(ctx: PageContext, meta: PageMeta): SafeHtml {
  const { t, edition } = ctx;
  const others = ctx.editions.list.filter((e) => e.locale !== edition.locale);
  return html`<header class="site-header" role="banner">
  <div class="site-header__top">
    <a class="site-name" href="${editionPath(edition.locale)}">${edition.siteName}</a>
    <nav class="reader-links" aria-label="${t('nav.readerLinks')}">
      ${
        ctx.member
          ? html`<span class="reader-links__member" dir="auto">${t('nav.signedInAs', { email: ctx.member.email })}</span>
      <a class="reader-links__account" href="/${edition.locale}/account">${t('nav.yourAccount')}</a>`
          : html`<a href="/${edition.locale}/subscribe">${t('nav.subscribe')}</a>
      <a href="/${edition.locale}/account">${t('nav.account')}</a>`
      }
    </nav>
    <nav class="edition-switcher" aria-label="${t('nav.editions')}">
      <ul>${others.map(
        (e) =>
          html`<li><a href="${meta.editionLinks?.get(e.locale) ?? editionPath(e.locale)}" lang="${e.locale}" dir="${textDirection(e.locale)}" hreflang="${e.locale}">${languageName(e.locale)}</a></li>`,
      )}</ul>
    </nav>
  </div>
  <nav class="sections-nav" aria-label="${t('nav.sections')}">
    <ul>
      <li><a href="${editionPath(edition.locale)}"${ctx.path === editionPath(edition.locale) ? html` aria-current="page"` : ''}>${t('nav.home')}</a></li>
      ${ctx.sections.map((s) => {
        const href = sectionPath(edition.locale, s.slug);
        return html`<li><a href="${href}"${ctx.path === href ? html` aria-current="page"` : ''}${s.locale !== edition.locale ? html` lang="${s.locale}"` : ''}>${s.name}</a></li>`;
      })}
    </ul>
  </nav>
</header>`;
}

/** The page shell every reader page shares: head, skip link, landmarks, header, footer. */
export function layout(ctx: PageContext, meta: PageMeta, main: SafeHtml): string {
  const { t, edition } = ctx;
  return html`<!doctype html>
<html lang="${edition.locale}" dir="${ctx.dir}">
<head>
${head(ctx, meta)}
</head>
<body>
<a class="skip-link" href="#main">${t('nav.skipToContent')}</a>
${masthead(ctx, meta)}
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer" role="contentinfo">
  <p>${t('footer.copyright', { site: edition.siteName, year: ctx.now.getUTCFullYear() })}</p>
  <p>${t('footer.poweredBy')}</p>
</footer>
</body>
</html>
`.value;
}
