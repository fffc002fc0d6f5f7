/** Plain text and reading time of story documents (search indexing, summaries, reading time). */
import type { Block, StoryDocument } from './document-schema.js';

/** Words per minute used for reading time. */
export const WORDS_PER_MINUTE = 220;

interface LooseNode {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  text?: unknown;
}

const TEXTBLOCKS: ReadonlySet<unknown> = new Set(['paragraph', 'heading', 'pullQuote']);
const CONTAINERS: ReadonlySet<unknown> = new Set(['bulletList', 'orderedList', 'listItem', 'blockquote']);
const MAX_DEPTH = 64;

/**
 * The text of all inline content, one line per paragraph, heading or pull quote (nested ones in
 * lists and quotes included); a hard break is a newline and an editor's insert keeps its brackets.
 * Empty textblocks and non-text blocks (images, videos, the paywall break) produce no line.
 */
export function plainText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  collect(blocks, lines, 0);
  return lines.join('\n');
}

/** Estimated minutes to read the whole story: words / 220, rounded up, at least 1. */
export function readingMinutes(doc: StoryDocument): number {
  const words = countWords(plainText(Array.isArray(doc?.content) ? doc.content : []));
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** Whitespace-separated words; right for Latin and Arabic scripts. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches === null ? 0 : matches.length;
}

function collect(nodes: unknown, lines: string[], depth: number): void {
  if (!Array.isArray(nodes) || depth > MAX_DEPTH) return;
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) continue;
    const n = node as LooseNode;
    if (TEXTBLOCKS.has(n.type)) {
      const line = inlineText(n.content);
      if (line.trim() !== '') lines.push(line);
    } else if (CONTAINERS.has(n.type)) {
      collect(n.content, lines, depth + 1);
    }
  }
}

function inlineText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  let out = '';
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) continue;
    const n = node as LooseNode;
    if (n.type === 'text' && typeof n.text === 'string') out += n.text;
    else if (n.type === 'hardBreak') out += '\n';
    else if (n.type === 'editorsInsert') {
      const attrs = n.attrs as { text?: unknown } | null | undefined;
      if (typeof attrs?.text === 'string' && attrs.text !== '') out += '[' + attrs.text + ']';
    }
  }
  return out;
}
