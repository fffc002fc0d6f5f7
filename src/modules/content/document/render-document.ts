/**
 * Renders story documents to HTML. Defensive by design: it never assumes the input was validated.
 * Only known node types in their allowed places are emitted (anything else renders nothing), only
 * known attributes are read, URLs are re-checked with the validator's own rules, and every string
 * taken from the document goes through `escapeHtml`. Output is built by string concatenation and
 * wrapped in `SafeHtml` once, at the end; this runs on every uncached page view.
 */
import { escapeHtml, raw, type SafeHtml } from '../../../shared/html.js';
import { DOCUMENT_LIMITS } from './document-limits.js';
import type { Block, StoryDocument } from './document-schema.js';
import { isAbsoluteHttpHref, safeImageSrc, safeLinkHref, videoEmbedUrl } from './url-policy.js';

/** Loose view of a node from possibly unvalidated input: every field must be checked before use. */
interface LooseNode {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  text?: unknown;
  marks?: unknown;
}
type Attrs = Record<string, unknown>;

/** Where a block sits, which decides the block types allowed there. */
type Place = 0 | 1 | 2;
const TOP: Place = 0;
const IN_LIST_ITEM: Place = 1;
const IN_BLOCKQUOTE: Place = 2;

const NO_ATTRS: Attrs = {};

/** Resized encodings of a library image, offered as <source> elements (e.g. AVIF, then WebP). */
export interface ImageSource {
  type: string;
  srcset: string;
}

export interface RenderOptions {
  /** Responsive sources for a body image that names its library image (`attrs.imageId`). */
  imageSources?: (imageId: string) => readonly ImageSource[] | undefined;
  /** A body image's credit as the page labels it (the reader site: "Photo: {credit}"); default: the bare credit. */
  creditLabel?: (credit: string) => string;
}

/** The body column's width (assets/site.css: .story is 42rem). */
const BODY_IMAGE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

export function renderBlocks(blocks: readonly Block[], options: RenderOptions = {}): SafeHtml {
  return raw(blocksHtml(blocks, TOP, 0, options));
}

export function renderDocument(doc: StoryDocument, options: RenderOptions = {}): SafeHtml {
  const content = isObject(doc) ? (doc as LooseNode).content : undefined;
  return raw(blocksHtml(content, TOP, 0, options));
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function attrsOf(node: LooseNode): Attrs {
  return isObject(node.attrs) ? (node.attrs as Attrs) : NO_ATTRS;
}

function blocksHtml(nodes: unknown, place: Place, depth: number, options: RenderOptions = {}): string {
  if (!Array.isArray(nodes) || depth >= DOCUMENT_LIMITS.maxDepth) return '';
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const node: unknown = nodes[i];
    if (isObject(node)) out += blockHtml(node as LooseNode, place, depth + 1, options);
  }
  return out;
}

function blockHtml(node: LooseNode, place: Place, depth: number, options: RenderOptions): string {
  const type = node.type;
  if (type === 'paragraph') return '<p>' + inlineHtml(node.content) + '</p>';
  if (place === IN_BLOCKQUOTE) return '';
  if (type === 'bulletList') return '<ul>' + listItemsHtml(node.content, depth) + '</ul>';
  if (type === 'orderedList') {
    const start = attrsOf(node).start;
    const startAttr =
      Number.isInteger(start) && (start as number) > 1 && (start as number) <= DOCUMENT_LIMITS.maxListStart
        ? ' start="' + String(start) + '"'
        : '';
    return '<ol' + startAttr + '>' + listItemsHtml(node.content, depth) + '</ol>';
  }
  if (place !== TOP) return '';
  switch (type) {
    case 'heading': {
      const level = attrsOf(node).level;
      const tag = level === 3 ? 'h3' : level === 4 ? 'h4' : 'h2';
      return '<' + tag + '>' + inlineHtml(node.content) + '</' + tag + '>';
    }
    case 'blockquote':
      return '<blockquote>' + blocksHtml(node.content, IN_BLOCKQUOTE, depth) + '</blockquote>';
    case 'pullQuote':
      return pullQuoteHtml(node);
    case 'image':
      return imageHtml(attrsOf(node), options);
    case 'videoEmbed':
      return videoHtml(attrsOf(node));
    default:
      // paywallBreak and anything unknown render nothing.
      return '';
  }
}

function listItemsHtml(items: unknown, depth: number): string {
  if (!Array.isArray(items) || depth >= DOCUMENT_LIMITS.maxDepth) return '';
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (isObject(item) && (item as LooseNode).type === 'listItem') {
      out += '<li>' + blocksHtml((item as LooseNode).content, IN_LIST_ITEM, depth + 1) + '</li>';
    }
  }
  return out;
}

function pullQuoteHtml(node: LooseNode): string {
  const attribution = attrsOf(node).attribution;
  let out = '<figure class="pull-quote"><blockquote>' + inlineHtml(node.content) + '</blockquote>';
  if (typeof attribution === 'string' && attribution.trim() !== '') {
    out += '<figcaption>\u2014 ' + escapeHtml(attribution) + '</figcaption>';
  }
  return out + '</figure>';
}

function dimensionAttr(name: string, value: unknown): string {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= DOCUMENT_LIMITS.maxImageDimension
    ? ' ' + name + '="' + String(value) + '"'
    : '';
}

function sourcesHtml(attrs: Attrs, options: RenderOptions): string {
  if (!options.imageSources || typeof attrs.imageId !== 'string') return '';
  let out = '';
  for (const source of options.imageSources(attrs.imageId) ?? []) {
    out += '<source type="' + escapeHtml(source.type) + '" srcset="' + escapeHtml(source.srcset) + '" sizes="' + BODY_IMAGE_SIZES + '">';
  }
  return out;
}

function imageHtml(attrs: Attrs, options: RenderOptions = {}): string {
  const src = safeImageSrc(attrs.src);
  if (src === null) return '';
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  const sources = sourcesHtml(attrs, options);
  let out =
    '<figure class="body-image">' +
    (sources ? '<picture>' + sources : '') +
    '<img src="' +
    escapeHtml(src) +
    '" alt="' +
    escapeHtml(alt) +
    '"' +
    dimensionAttr('width', attrs.width) +
    dimensionAttr('height', attrs.height) +
    ' loading="lazy" decoding="async">' +
    (sources ? '</picture>' : '');
  const caption = typeof attrs.caption === 'string' && attrs.caption !== '' ? attrs.caption : null;
  const credit = typeof attrs.credit === 'string' && attrs.credit !== '' ? attrs.credit : null;
  if (caption !== null || credit !== null) {
    out += '<figcaption>';
    if (caption !== null) out += '<span class="caption">' + escapeHtml(caption) + '</span>';
    if (caption !== null && credit !== null) out += ' ';
    if (credit !== null)
      out += '<span class="credit">' + escapeHtml(options.creditLabel ? options.creditLabel(credit) : credit) + '</span>';
    out += '</figcaption>';
  }
  return out + '</figure>';
}

function videoHtml(attrs: Attrs): string {
  const src = videoEmbedUrl(attrs.provider, attrs.videoId);
  if (src === null) return '';
  const title = typeof attrs.title === 'string' && attrs.title !== '' ? attrs.title : 'Embedded video';
  return (
    '<figure class="video-embed"><iframe src="' +
    src +
    '" title="' +
    escapeHtml(title) +
    '" loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe></figure>'
  );
}

function inlineHtml(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const node: unknown = nodes[i];
    if (!isObject(node)) continue;
    const n = node as LooseNode;
    if (n.type === 'text') out += textHtml(n);
    else if (n.type === 'hardBreak') out += '<br>';
    else if (n.type === 'editorsInsert') {
      const text = attrsOf(n).text;
      if (typeof text === 'string' && text !== '') {
        out += '<span class="editors-insert">[' + escapeHtml(text) + ']</span>';
      }
    }
  }
  return out;
}

// Bit per mark kind, so a repeated mark (or a second link, which would nest <a>) is applied once.
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 4;
const STRIKE = 8;
const LINK = 16;

function textHtml(node: LooseNode): string {
  const text = node.text;
  if (typeof text !== 'string' || text === '') return '';
  const marks = node.marks;
  if (!Array.isArray(marks) || marks.length === 0) return escapeHtml(text);
  // Marks apply in order: the first one is the outermost element.
  let open = '';
  let close = '';
  let seen = 0;
  for (let i = 0; i < marks.length; i++) {
    const mark: unknown = marks[i];
    if (!isObject(mark)) continue;
    const type = (mark as LooseNode).type;
    if (type === 'bold' && !(seen & BOLD)) {
      seen |= BOLD;
      open += '<strong>';
      close = '</strong>' + close;
    } else if (type === 'italic' && !(seen & ITALIC)) {
      seen |= ITALIC;
      open += '<em>';
      close = '</em>' + close;
    } else if (type === 'underline' && !(seen & UNDERLINE)) {
      seen |= UNDERLINE;
      open += '<u>';
      close = '</u>' + close;
    } else if (type === 'strike' && !(seen & STRIKE)) {
      seen |= STRIKE;
      open += '<s>';
      close = '</s>' + close;
    } else if (type === 'link' && !(seen & LINK)) {
      const attrs = attrsOf(mark as LooseNode);
      const href = safeLinkHref(attrs.href);
      if (href === null) continue; // a refused href keeps the text, without the link
      seen |= LINK;
      open += '<a href="' + escapeHtml(href) + '"';
      if (typeof attrs.title === 'string' && attrs.title !== '') open += ' title="' + escapeHtml(attrs.title) + '"';
      if (isAbsoluteHttpHref(href)) open += ' rel="noopener noreferrer"';
      open += '>';
      close = '</a>' + close;
    }
  }
  return open + escapeHtml(text) + close;
}
