/**
 * Splits a story into the free preview and the part withheld from non-subscribers. Cuts are only
 * ever made between top-level blocks, so no paragraph, list or quote is cut in half.
 */
import type { Block, StoryDocument } from './document-schema.js';

export interface PaywallSplit {
  /** Blocks shown to everyone. */
  preview: Block[];
  /** Blocks shown only to subscribers. Never contains the paywall break itself. */
  withheld: Block[];
  /** True when the editor placed a paywall break; false when the fallback block count was used. */
  hasExplicitBreak: boolean;
}

/**
 * Cuts at the top-level paywall break when there is one (the first, should an unvalidated document
 * hold several), else after the first `fallbackBlocks` top-level blocks.
 */
export function splitAtPaywall(doc: StoryDocument, fallbackBlocks = 3): PaywallSplit {
  const blocks: readonly Block[] = Array.isArray(doc.content) ? doc.content : [];
  const breakAt = blocks.findIndex((block) => block?.type === 'paywallBreak');
  if (breakAt !== -1) {
    return {
      preview: withoutBreaks(blocks.slice(0, breakAt)),
      withheld: withoutBreaks(blocks.slice(breakAt + 1)),
      hasExplicitBreak: true,
    };
  }
  const count = Number.isFinite(fallbackBlocks) ? Math.max(0, Math.floor(fallbackBlocks)) : 0;
  return { preview: blocks.slice(0, count), withheld: blocks.slice(count), hasExplicitBreak: false };
}

function withoutBreaks(blocks: Block[]): Block[] {
  return blocks.some((b) => b?.type === 'paywallBreak') ? blocks.filter((b) => b?.type !== 'paywallBreak') : blocks;
}
