/**
 * Turns a decision into the blocks a renderer may see. Surfaces render `blocks`, never the stored
 * document, so text the paywall withheld cannot reach a template, a feed or an excerpt.
 */
import { splitAtPaywall, type Block, type StoryDocument } from '../content/document/index.js';
import type { AccessDecision, PaywallConfig, StoryAccessInfo } from './access-types.js';
import { isFreeForEveryone } from './entitlements.js';

/**
 * A story body after the paywall's cut: the top-level blocks a surface may render. Opaque: its
 * constructor is private and only the cuts below make one, so a view that takes a `GatedDocument`
 * cannot be handed the stored body, or a copy with withheld blocks put back.
 */
export class GatedDocument {
  /** Makes the type nominal (a private member): a look-alike object literal is not a GatedDocument. */
  declare private readonly gatedByThePaywall: true;

  private constructor(
    /** The top-level blocks to render; never contains the paywall break marker. */
    readonly blocks: readonly Block[],
    /** True when the reader was denied and `blocks` is only the preview (show the offer). */
    readonly gated: boolean,
  ) {}

  /** @internal The one constructor call: `gateDocument` and `openToEveryone` below. */
  static cut(doc: StoryDocument, granted: boolean, fallbackBlocks: number): GatedDocument {
    if (!Array.isArray(doc?.content)) return new GatedDocument([], !granted);
    const all = doc.content.filter((b) => b?.type !== 'paywallBreak');
    if (granted) return new GatedDocument(all, false);
    const { preview, withheld } = splitAtPaywall(doc, fallbackBlocks);
    const blocks = withheld.length > 0 ? preview : preview.slice(0, Math.max(0, all.length - 1));
    return new GatedDocument([...blocks], true);
  }

  /** The blocks as a document, for the renderer. */
  toDocument(): StoryDocument {
    return { type: 'doc', content: [...this.blocks] };
  }

  /** Only the two fields, as the plain record it stands for. */
  toJSON(): { blocks: readonly Block[]; gated: boolean } {
    return { blocks: this.blocks, gated: this.gated };
  }
}

/**
 * Granted: every block except the paywall break. Denied: only the preview before the break (or the
 * first `fallbackBlocks` blocks when there is none). A denied reader never receives every block of
 * a story: if the cut would withhold nothing (a short story, a break placed last), the last block is
 * withheld as well. A malformed decision (anything but `granted: true`) is a denial.
 */
export function gateDocument(doc: StoryDocument, decision: AccessDecision, fallbackBlocks = 3): GatedDocument {
  return GatedDocument.cut(doc, decision.granted === true, fallbackBlocks);
}

/**
 * The whole story (every block but the break) when it is free for everyone (`isFreeForEveryone`:
 * public and not archived), the same page for every reader without deciding for any of them;
 * else null: decide for the reader and cut with `gateDocument`.
 */
export function openToEveryone(doc: StoryDocument, story: StoryAccessInfo, now: Date, config: PaywallConfig): GatedDocument | null {
  return isFreeForEveryone(story, now, config) ? GatedDocument.cut(doc, true, 0) : null;
}
