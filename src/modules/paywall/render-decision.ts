/**
 * Turns a decision into the blocks a renderer may see. Surfaces render `blocks`, never the stored
 * document, so text the paywall withheld cannot reach a template, a feed or an excerpt.
 */
import { splitAtPaywall, type Block, type StoryDocument } from '../content/document/index.js';
import type { AccessDecision } from './access-types.js';

export interface GatedDocument {
  /** The top-level blocks to render; never contains the paywall break marker. */
  blocks: Block[];
  /** True when the reader was denied and `blocks` is only the preview (show the offer). */
  gated: boolean;
}

/**
 * Granted: every block except the paywall break. Denied: only the preview before the break (or the
 * first `fallbackBlocks` blocks when there is none). A denied reader never receives every block of
 * a story: if the cut would withhold nothing (a short story, a break placed last), the last block is
 * withheld as well.
 */
export function gateDocument(doc: StoryDocument, decision: AccessDecision, fallbackBlocks = 3): GatedDocument {
  if (!Array.isArray(doc?.content)) return { blocks: [], gated: decision.granted !== true };
  const all = doc.content.filter((b) => b?.type !== 'paywallBreak');
  if (decision.granted === true) return { blocks: all, gated: false };

  const { preview, withheld } = splitAtPaywall(doc, fallbackBlocks);
  const blocks = withheld.length > 0 ? preview : preview.slice(0, Math.max(0, all.length - 1));
  return { blocks: [...blocks], gated: true };
}
