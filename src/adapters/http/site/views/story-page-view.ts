import type { StoryView } from '../../../../modules/content/index.js';
import { renderDocument } from '../../../../modules/content/document/index.js';
import { storyPath, topicPath } from '../../../../modules/content/index.js';
import { languageName, textDirection } from '../../../../modules/editions/index.js';
import type { GatedStoryPage } from '../../../../modules/reading/index.js';
import { html, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext, PageMeta } from '../page-context.js';
import { IMAGE_SIZES, responsivePicture } from './picture-view.js';
import { sourceSets } from './picture-view.js';
import { bylineLinks, contentLang, storyList, timeTag } from './story-card-view.js';

/** What the page says about a story besides its body (which only `storyPageView` renders, as the paywall cut it). */
type StoryFacts = Omit<StoryView, 'body'>;

function provenanceNote(ctx: PageContext, story: StoryFacts): SafeHtml {
  if (story.isOriginal || !story.translatedFrom) return html``;
  const language = ctx.languageName(story.translatedFrom);
  const credit = story.provenanceCredit ?? '';
  const text =
    story.provenance === 'machine'
      ? ctx.t('story.provenance.machine', { language })
      : story.provenance === 'partner'
        ? ctx.t('story.provenance.partner', { language, credit })
        : ctx.t('story.provenance.newsroom', { language, credit: credit || ctx.edition.siteName });
  return html`<p class="provenance">${text}</p>`;
}

function corrections(ctx: PageContext, story: StoryFacts): SafeHtml {
  if (story.corrections.length === 0) return html``;
  return html`<aside class="corrections" aria-labelledby="corrections-heading">
  <h2 id="corrections-heading">${ctx.t('story.corrections')}</h2>
  ${story.corrections.map(
    (c) =>
      html`<p><strong>${c.kind === 'correction' ? ctx.t('story.correction') : ctx.t('story.update')}</strong> ${timeTag(ctx, c.at)}: <span${contentLang(ctx, story.locale)}>${c.text}</span></p>`,
  )}
</aside>`;
}

function leadImage(ctx: PageContext, story: StoryFacts): SafeHtml {
  const image = story.leadImage;
  if (!image) return html``;
  const credit = [image.creditPhotographer, image.creditAgency].filter(Boolean).join(' / ');
  return html`<figure class="lead-image">
  ${responsivePicture(image, IMAGE_SIZES.storyLead, html`<img src="${image.path}" alt="${image.alt}"${contentLang(ctx, image.textLocale)} width="${image.width}" height="${image.height}" fetchpriority="high" decoding="async">`)}
  ${
    image.caption || credit
      ? html`<figcaption>${image.caption ? html`<span class="caption"${contentLang(ctx, image.textLocale)}>${image.caption}</span> ` : ''}${credit ? html`<span class="credit">${ctx.t('story.photoCredit', { credit })}</span>` : ''}</figcaption>`
      : ''
  }
</figure>`;
}

function otherLanguages(ctx: PageContext, story: StoryFacts): SafeHtml {
  const others = story.translations.filter((other) => other.id !== story.translationId && ctx.editions.has(other.locale));
  if (others.length === 0) return html``;
  return html`<nav class="translations" aria-label="${ctx.t('story.otherLanguages')}">
  <h2>${ctx.t('story.otherLanguages')}</h2>
  <ul>${others.map(
    (other) =>
      html`<li><a href="${storyPath(other.locale, other.publishedAt, other.slug)}" hreflang="${other.locale}" lang="${other.locale}" dir="${textDirection(other.locale)}">${languageName(other.locale)}</a></li>`,
  )}</ul>
</nav>`;
}

/** hreflang alternates: only real translations that an edition of their own language serves. */
export function storyAlternates(ctx: PageContext, story: StoryFacts): { hreflang: string; href: string }[] {
  const served = story.translations.filter((translation) => ctx.editions.has(translation.locale));
  const links = served.map((translation) => ({
    hreflang: translation.locale,
    href: storyPath(translation.locale, translation.publishedAt, translation.slug),
  }));
  const xDefault =
    served.find((translation) => translation.locale === ctx.editions.defaultLocale) ??
    served.find((translation) => translation.isOriginal) ??
    served[0];
  if (xDefault) links.push({ hreflang: 'x-default', href: storyPath(xDefault.locale, xDefault.publishedAt, xDefault.slug) });
  return links;
}

/** The story's page in each edition that lists it by now (its translation there, or a fallback). */
export function storyEditionLinks(ctx: PageContext, story: StoryFacts): Map<string, string> {
  return new Map(
    story.listings
      .filter((listing) => ctx.editions.has(listing.edition))
      .map((listing) => [listing.edition, storyPath(listing.edition, listing.publishedAt, listing.slug)]),
  );
}

/**
 * The note on a fallback page: every language the story is published in (not only the one shown),
 * each linked to its page in that language's edition when there is one.
 */
function fallbackNotice(ctx: PageContext, story: StoryFacts): SafeHtml {
  const links = storyEditionLinks(ctx, story);
  const languages = [...new Set(story.translations.map((t) => t.locale))].filter((locale) => locale !== ctx.edition.locale);
  if (!languages.includes(story.locale)) languages.unshift(story.locale);
  const named = languages.map((locale) => {
    const href = ctx.editions.has(locale) ? links.get(locale) : undefined;
    const name = ctx.languageName(locale);
    return href ? html`<a href="${href}" hreflang="${locale}">${name}</a>` : html`${name}`;
  });
  // The catalog's sentence around the list, and the list joined the edition's way ("A, B and C").
  const marker = '\uE000';
  const [before = '', after = ''] = ctx.t('story.fallbackNotice', { languages: marker }).split(marker);
  const parts = new Intl.ListFormat(ctx.edition.locale, { type: 'conjunction' }).formatToParts(languages.map((_, i) => String(i)));
  const list = parts.map((part) => (part.type === 'element' ? (named[Number(part.value)] ?? html``) : html`${part.value}`));
  return html`<p class="fallback-notice" role="note">${before}${list}${after}</p>`;
}

/** The canonical URL: the story in its own language's edition; for a fallback page, the original's. */
export function storyCanonical(ctx: PageContext, story: StoryFacts): string {
  if (!story.isFallback) return storyPath(ctx.edition.locale, story.publishedAt, story.slug);
  return ctx.editions.has(story.locale)
    ? storyPath(story.locale, story.publishedAt, story.slug)
    : storyPath(ctx.edition.locale, story.publishedAt, story.slug);
}

/** The class of the story body's element that holds what the paywall withholds (JSON-LD `hasPart`). */
export const PAYWALLED_CLASS = 'paywalled-content';

/**
 * Head metadata of a story page. The same for every reader: it describes the story (title, dek,
 * image), never the body, so a gated story's head holds nothing the paywall withheld. A story that
 * is not free for everyone (`paywalled`) says so to search engines (isAccessibleForFree false, the
 * gated part's selector), who get the preview like any anonymous reader: no user agent is trusted.
 */
export function storyMeta(ctx: PageContext, story: StoryFacts, paywalled = false): PageMeta {
  const canonical = storyCanonical(ctx, story);
  const image = story.leadImage;
  return {
    title: `${story.seoTitle || story.title} | ${ctx.edition.siteName}`,
    description: story.seoDescription || story.dek,
    canonical,
    alternates: storyAlternates(ctx, story),
    editionLinks: storyEditionLinks(ctx, story),
    og: {
      type: 'article',
      locale: story.locale,
      image: image ? { url: image.path, width: image.width, height: image.height, alt: image.alt } : null,
    },
    article: {
      publishedTime: story.publishedAt.toISOString(),
      modifiedTime: story.updatedAt.toISOString(),
      ...(story.section && { section: story.section.name }),
      tags: story.topics.map((topic) => topic.name),
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: story.title,
      description: story.dek,
      inLanguage: story.locale,
      datePublished: story.publishedAt.toISOString(),
      dateModified: story.updatedAt.toISOString(),
      mainEntityOfPage: ctx.publicUrl + canonical,
      ...(image && { image: [ctx.publicUrl + image.path] }),
      author: story.authors.map((a) => ({
        '@type': 'Person',
        name: a.name,
        url: `${ctx.publicUrl}/${ctx.edition.locale}/authors/${a.slug}`,
      })),
      publisher: { '@type': 'Organization', name: ctx.edition.siteName },
      isAccessibleForFree: !paywalled,
      ...(paywalled && {
        hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: `.${PAYWALLED_CLASS}` },
      }),
    },
  };
}

/**
 * The story page. Renders the body the paywall cut for this reader (`GatedStoryPage`: only the
 * paywall makes its body), so nothing here can show what was withheld; `box` is the paywall box
 * when the reader was denied. A story not free for everyone (`paywalled`) marks its body with the
 * gated part's class.
 */
export function storyPageView(ctx: PageContext, page: GatedStoryPage, box: SafeHtml | null = null): SafeHtml {
  const { story } = page;
  const { t } = ctx;
  const lang = contentLang(ctx, story.locale);
  const firstAuthor = story.authors[0];
  const updated = story.updatedAt.getTime() - story.publishedAt.getTime() > 60_000;
  return html`<article class="story">
  ${story.isFallback ? fallbackNotice(ctx, story) : ''}
  <header class="story__header">
    ${story.section ? html`<p class="kicker"><a href="/${ctx.edition.locale}/sections/${encodeURIComponent(story.section.slug)}">${story.section.name}</a></p>` : ''}
    <h1${lang}>${story.title}</h1>
    <p class="dek"${lang}>${story.dek}</p>
    <div class="byline">
      ${story.authors.length > 0 ? html`<p class="byline__authors">${t('story.by')} ${bylineLinks(ctx, story)}</p>` : ''}
      <p class="byline__dates">${t('story.published')} ${timeTag(ctx, story.publishedAt)}${updated ? html` · ${t('story.updated')} ${timeTag(ctx, story.updatedAt)}` : ''} · ${t('story.readingTime', { minutes: story.readingMinutes })}</p>
    </div>
  </header>
  ${leadImage(ctx, story)}
  ${page.freeLeft === null ? '' : html`<p class="meter-note" role="note">${t('story.freeLeft', { left: page.freeLeft })}</p>`}
  <div class="story__body${page.paywalled ? ` ${PAYWALLED_CLASS}` : ''}"${lang}>
${renderDocument(story.body.toDocument(), {
  imageSources: (id) => sourceSets(story.bodyImages[id] ?? []),
  creditLabel: (credit) => t('story.photoCredit', { credit }),
})}
  </div>
  ${box ?? ''}
  <footer class="story__footer">
    ${corrections(ctx, story)}
    ${provenanceNote(ctx, story)}
    ${
      story.topics.length > 0
        ? html`<nav class="topics" aria-label="${t('story.topics')}"><h2>${t('story.topics')}</h2><ul>${story.topics.map(
            (topic) =>
              html`<li><a href="${topicPath(ctx.edition.locale, topic.slug)}"${contentLang(ctx, topic.locale)}>${topic.name}</a></li>`,
          )}</ul></nav>`
        : ''
    }
    ${otherLanguages(ctx, story)}
  </footer>
</article>
<aside class="story-aside" aria-label="${t('story.furtherReading')}">
  ${
    firstAuthor && page.moreFromAuthor.length > 0
      ? html`<section><h2>${t('story.moreFrom', { author: firstAuthor.name })}</h2>${storyList(ctx, page.moreFromAuthor, 'compact')}</section>`
      : ''
  }
  ${page.related.length > 0 ? html`<section><h2>${t('story.related')}</h2>${storyList(ctx, page.related, 'compact')}</section>` : ''}
</aside>`;
}
