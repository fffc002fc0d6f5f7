/**
 * Between TipTap's JSON and the story document schema. TipTap adds attributes of its own (link
 * target/rel/class, ordered-list type, null image fields) and allows things the schema does not
 * (empty attributes, unsafe URLs pasted in, a second paywall break); toStoryDocument keeps exactly
 * what the schema allows, so what the API receives always validates. fromStoryDocument is the other
 * way: the schema is a subset of the editor's, so it only has to give an empty story a paragraph.
 */
import type { JSONContent } from '@tiptap/core';
import { DOCUMENT_LIMITS as L } from '../../../src/modules/content/document/document-limits';
import type {
  Block,
  Inline,
  ListItem,
  ListItemChild,
  Mark,
  Paragraph,
  StoryDocument,
} from '../../../src/modules/content/document/document-schema';
import { safeImageSrc, safeLinkHref, VIDEO_ID_PATTERNS } from '../../../src/modules/content/document/url-policy';

type Json = JSONContent;
type Attrs = Record<string, unknown>;

export function fromStoryDocument(doc: StoryDocument | null | undefined): Json {
  const content = doc?.content ?? [];
  return { type: 'doc', content: content.length === 0 ? [{ type: 'paragraph' }] : (structuredClone(content) as Json[]) };
}

export function toStoryDocument(json: Json): StoryDocument {
  const blocks = blocksOf(json.content ?? []);
  let paywallSeen = false;
  const content = blocks.filter((block) => {
    if (block.type !== 'paywallBreak') return true;
    if (paywallSeen) return false;
    paywallSeen = true;
    return true;
  });
  // The editor always keeps an empty paragraph at the end to type into; it is not content.
  while (content.length > 0 && isEmptyParagraph(content[content.length - 1] as Block)) content.pop();
  return { type: 'doc', content: content.slice(0, L.maxTopLevelBlocks) };
}

function isEmptyParagraph(block: Block): boolean {
  return block.type === 'paragraph' && (block.content === undefined || block.content.length === 0);
}

function blocksOf(nodes: readonly Json[]): Block[] {
  return nodes.flatMap(block);
}

function attrsOf(node: Json): Attrs {
  return (node.attrs ?? {}) as Attrs;
}

/** A trimmed non-empty string cut to `max` characters, else undefined. */
function label(value: unknown, max: number = L.maxLabelLength): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text.slice(0, max);
}

function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= L.maxImageDimension ? value : undefined;
}

function block(node: Json): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node.content)];
    case 'heading': {
      const level = Number(attrsOf(node).level);
      const content = inline(node.content);
      return [{ type: 'heading', attrs: { level: level >= 4 ? 4 : level === 3 ? 3 : 2 }, ...(content.length > 0 && { content }) }];
    }
    case 'bulletList': {
      const items = listItems(node.content);
      return items.length === 0 ? [] : [{ type: 'bulletList', content: items }];
    }
    case 'orderedList': {
      const items = listItems(node.content);
      if (items.length === 0) return [];
      const start = attrsOf(node).start;
      const keepStart = typeof start === 'number' && Number.isInteger(start) && start > 1 && start <= L.maxListStart;
      return [{ type: 'orderedList', ...(keepStart && { attrs: { start } }), content: items }];
    }
    case 'blockquote': {
      const paragraphs = paragraphsIn(node.content ?? []);
      return paragraphs.length === 0 ? [] : [{ type: 'blockquote', content: paragraphs.slice(0, L.maxChildren) }];
    }
    case 'pullQuote': {
      const attribution = label(attrsOf(node).attribution);
      const content = inline(node.content);
      return [
        {
          type: 'pullQuote',
          ...(attribution !== undefined && { attrs: { attribution } }),
          ...(content.length > 0 && { content }),
        },
      ];
    }
    case 'image':
      return image(attrsOf(node));
    case 'videoEmbed':
      return video(attrsOf(node));
    case 'paywallBreak':
      return [{ type: 'paywallBreak' }];
    default:
      return unknownBlock(node);
  }
}

function paragraph(content: readonly Json[] | undefined): Paragraph {
  const inlines = inline(content);
  return inlines.length > 0 ? { type: 'paragraph', content: inlines } : { type: 'paragraph' };
}

/** Something the schema has no such node for: its text survives as paragraphs, the rest is dropped. */
function unknownBlock(node: Json): Block[] {
  const children = node.content ?? [];
  if (children.length === 0) return typeof node.text === 'string' ? [paragraph([node])] : [];
  return children.some((c) => c.type === 'text' || c.type === 'hardBreak' || c.type === 'editorsInsert')
    ? [paragraph(children)]
    : blocksOf(children);
}

/** Every paragraph inside these nodes, for containers that hold paragraphs only. */
function paragraphsIn(nodes: readonly Json[]): Paragraph[] {
  return nodes.flatMap((node): Paragraph[] => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'pullQuote') return [paragraph(node.content)];
    return paragraphsIn(node.content ?? []);
  });
}

function listItems(nodes: readonly Json[] | undefined): ListItem[] {
  return (nodes ?? []).slice(0, L.maxChildren).map((item): ListItem => {
    const children: ListItemChild[] = (item.content ?? []).flatMap((child): ListItemChild[] => {
      if (child.type === 'bulletList' || child.type === 'orderedList') return block(child) as ListItemChild[];
      return paragraphsIn([child]);
    });
    return { type: 'listItem', content: children.length === 0 ? [{ type: 'paragraph' }] : children.slice(0, L.maxChildren) };
  });
}

function image(a: Attrs): Block[] {
  const src = safeImageSrc(a.src);
  if (src === null) return [];
  const caption = label(a.caption, L.maxCaptionLength);
  const credit = label(a.credit);
  const width = dimension(a.width);
  const height = dimension(a.height);
  const imageId = label(a.imageId, 64);
  return [
    {
      type: 'image',
      attrs: {
        src,
        alt: typeof a.alt === 'string' ? a.alt.trim().slice(0, L.maxAltLength) : '',
        ...(caption !== undefined && { caption }),
        ...(credit !== undefined && { credit }),
        ...(width !== undefined && { width }),
        ...(height !== undefined && { height }),
        ...(imageId !== undefined && { imageId }),
      },
    },
  ];
}

function video(a: Attrs): Block[] {
  const provider = a.provider;
  const videoId = a.videoId;
  if ((provider !== 'youtube' && provider !== 'vimeo') || typeof videoId !== 'string') return [];
  if (!VIDEO_ID_PATTERNS[provider].test(videoId)) return [];
  const title = label(a.title);
  return [{ type: 'videoEmbed', attrs: { provider, videoId, ...(title !== undefined && { title }) } }];
}

function inline(nodes: readonly Json[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') continue;
      const marks = marksOf(node.marks);
      for (const text of chunks(node.text, L.maxTextLength)) {
        out.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
      }
    } else if (node.type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else if (node.type === 'editorsInsert') {
      const text = label(attrsOf(node).text);
      if (text !== undefined) out.push({ type: 'editorsInsert', attrs: { text } });
    } else if (node.content) {
      out.push(...inline(node.content));
    }
  }
  return out.slice(0, L.maxInlineNodes);
}

/** Splits text longer than the schema's limit, never between the two halves of a surrogate pair. */
function chunks(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

const SIMPLE_MARKS = new Set(['bold', 'italic', 'underline', 'strike']);

function marksOf(marks: readonly { type: string; attrs?: Attrs }[] | undefined): Mark[] {
  const out: Mark[] = [];
  const seen = new Set<string>();
  for (const mark of marks ?? []) {
    if (seen.has(mark.type)) continue;
    if (SIMPLE_MARKS.has(mark.type)) {
      out.push({ type: mark.type as 'bold' | 'italic' | 'underline' | 'strike' });
      seen.add(mark.type);
    } else if (mark.type === 'link') {
      const href = safeLinkHref(mark.attrs?.href);
      if (href === null) continue;
      const title = label(mark.attrs?.title);
      out.push({ type: 'link', attrs: title === undefined ? { href } : { href, title } });
      seen.add(mark.type);
    }
  }
  return out.slice(0, L.maxMarks);
}
