/**
 * Size and shape limits for story documents. The validator enforces them; the renderer re-applies
 * the nesting limit so that even unvalidated input cannot recurse without bound.
 */
export const DOCUMENT_LIMITS = {
  /** Top-level blocks in one document. */
  maxTopLevelBlocks: 2000,
  /** Characters in one text node. */
  maxTextLength: 20_000,
  /** Inline nodes in one paragraph, heading or pull quote. */
  maxInlineNodes: 5000,
  /** Marks on one text node. */
  maxMarks: 8,
  /** Items in one list; paragraphs in one blockquote; children of one list item. */
  maxChildren: 1000,
  /** Nested `content` arrays below the document (a list inside a list item inside a list adds two). */
  maxDepth: 20,
  /** Nodes of any kind in the whole document. */
  maxNodes: 200_000,
  /** Characters in a link href or image src. */
  maxUrlLength: 2048,
  /** Characters in short labels: link titles, attributions, credits, video titles, editor's inserts. */
  maxLabelLength: 300,
  /** Characters in image alt text. */
  maxAltLength: 1000,
  /** Characters in an image caption. */
  maxCaptionLength: 2000,
  /** Largest accepted image width or height in pixels. */
  maxImageDimension: 20_000,
  /** Largest accepted ordered-list start number. */
  maxListStart: 1_000_000,
} as const;
