export { DOCUMENT_LIMITS } from './document-limits.js';
export {
  StoryDocumentSchema,
  BlockSchema,
  InlineSchema,
  MarkSchema,
  type StoryDocument,
  type Block,
  type Inline,
  type Mark,
  type Paragraph,
  type Heading,
  type BulletList,
  type OrderedList,
  type ListItem,
  type ListItemChild,
  type Blockquote,
  type PullQuote,
  type Image,
  type VideoEmbed,
  type PaywallBreak,
  type TextNode,
  type HardBreak,
  type EditorsInsert,
  type BoldMark,
  type ItalicMark,
  type UnderlineMark,
  type StrikeMark,
  type LinkMark,
} from './document-schema.js';
export { validateDocument, assertValidDocument, formatPath, type DocumentIssue, type ValidationResult } from './validate-document.js';
export { renderBlocks, renderDocument, type ImageSource, type RenderOptions } from './render-document.js';
export { splitAtPaywall, type PaywallSplit } from './paywall-split.js';
export { plainText, readingMinutes, countWords, WORDS_PER_MINUTE } from './document-text.js';
export { safeLinkHref, safeImageSrc, videoEmbedUrl, type VideoProvider } from './url-policy.js';
export { parseStoredDocument } from './stored-document.js';
