/**
 * The story body: a ProseMirror-compatible JSON document restricted to the node types, marks and
 * attributes below. Every object is strict (unknown keys are rejected) and every string bounded.
 * TypeScript types are inferred from these schemas.
 */
import { z } from 'zod';
import { DOCUMENT_LIMITS as L } from './document-limits.js';
import { IMAGE_SRC_RULE, isSafeImageSrc, isSafeLinkHref, LINK_HREF_RULE, VIDEO_ID_PATTERNS } from './url-policy.js';

const label = () => z.string().max(L.maxLabelLength);

// ---- Marks -------------------------------------------------------------------------------------

export const BoldMarkSchema = z.strictObject({ type: z.literal('bold') });
export const ItalicMarkSchema = z.strictObject({ type: z.literal('italic') });
export const UnderlineMarkSchema = z.strictObject({ type: z.literal('underline') });
export const StrikeMarkSchema = z.strictObject({ type: z.literal('strike') });
export const LinkMarkSchema = z.strictObject({
  type: z.literal('link'),
  attrs: z.strictObject({
    href: z.string().max(L.maxUrlLength).trim().refine(isSafeLinkHref, { message: LINK_HREF_RULE }),
    title: label().optional(),
  }),
});

export const MarkSchema = z.discriminatedUnion('type', [
  BoldMarkSchema,
  ItalicMarkSchema,
  UnderlineMarkSchema,
  StrikeMarkSchema,
  LinkMarkSchema,
]);

// ---- Inline nodes ------------------------------------------------------------------------------

export const TextSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1).max(L.maxTextLength),
  marks: z.array(MarkSchema).max(L.maxMarks).optional(),
});
export const HardBreakSchema = z.strictObject({ type: z.literal('hardBreak') });
/** An editor's bracketed insertion into a quote, e.g. "in Algeria", rendered as "[in Algeria]". */
export const EditorsInsertSchema = z.strictObject({
  type: z.literal('editorsInsert'),
  attrs: z.strictObject({ text: label().min(1) }),
});

export const InlineSchema = z.discriminatedUnion('type', [TextSchema, HardBreakSchema, EditorsInsertSchema]);
const inlineContent = () => z.array(InlineSchema).max(L.maxInlineNodes);

// ---- Blocks ------------------------------------------------------------------------------------

export const ParagraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  content: inlineContent().optional(),
});
export const HeadingSchema = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.literal([2, 3, 4]) }),
  content: inlineContent().optional(),
});

export const ListItemSchema = z.strictObject({
  type: z.literal('listItem'),
  get content(): z.ZodArray<typeof ListItemChildSchema> {
    return z.array(ListItemChildSchema).min(1).max(L.maxChildren);
  },
});
export const BulletListSchema = z.strictObject({
  type: z.literal('bulletList'),
  get content(): z.ZodArray<typeof ListItemSchema> {
    return z.array(ListItemSchema).min(1).max(L.maxChildren);
  },
});
export const OrderedListSchema = z.strictObject({
  type: z.literal('orderedList'),
  attrs: z.strictObject({ start: z.int().positive().max(L.maxListStart).optional() }).optional(),
  get content(): z.ZodArray<typeof ListItemSchema> {
    return z.array(ListItemSchema).min(1).max(L.maxChildren);
  },
});
export const ListItemChildSchema: z.ZodDiscriminatedUnion<
  [typeof ParagraphSchema, typeof BulletListSchema, typeof OrderedListSchema],
  'type'
> = z.discriminatedUnion('type', [ParagraphSchema, BulletListSchema, OrderedListSchema]);

export const BlockquoteSchema = z.strictObject({
  type: z.literal('blockquote'),
  // A one-option union, so a wrong child type is reported like everywhere else.
  content: z
    .array(z.discriminatedUnion('type', [ParagraphSchema]))
    .min(1)
    .max(L.maxChildren),
});
export const PullQuoteSchema = z.strictObject({
  type: z.literal('pullQuote'),
  attrs: z.strictObject({ attribution: label().optional() }).optional(),
  content: inlineContent().optional(),
});

const dimension = () => z.int().positive().max(L.maxImageDimension);
export const ImageSchema = z.strictObject({
  type: z.literal('image'),
  attrs: z.strictObject({
    src: z.string().max(L.maxUrlLength).refine(isSafeImageSrc, { message: IMAGE_SRC_RULE }),
    alt: z.string().max(L.maxAltLength),
    caption: z.string().max(L.maxCaptionLength).optional(),
    credit: label().optional(),
    width: dimension().optional(),
    height: dimension().optional(),
    imageId: z.string().min(1).max(64).optional(),
  }),
});

export const VideoEmbedSchema = z.strictObject({
  type: z.literal('videoEmbed'),
  attrs: z
    .strictObject({
      provider: z.enum(['youtube', 'vimeo']),
      videoId: z.string().max(32),
      title: label().optional(),
    })
    .refine((a) => VIDEO_ID_PATTERNS[a.provider].test(a.videoId), {
      message: 'Not a valid video id for this provider',
      path: ['videoId'],
    }),
});

/** Where the free preview ends for non-subscribers. At most one, top level only. */
export const PaywallBreakSchema = z.strictObject({ type: z.literal('paywallBreak') });

export const BlockSchema = z.discriminatedUnion('type', [
  ParagraphSchema,
  HeadingSchema,
  BulletListSchema,
  OrderedListSchema,
  BlockquoteSchema,
  PullQuoteSchema,
  ImageSchema,
  VideoEmbedSchema,
  PaywallBreakSchema,
]);

export const StoryDocumentSchema = z
  .strictObject({
    type: z.literal('doc'),
    content: z.array(BlockSchema).max(L.maxTopLevelBlocks),
  })
  .superRefine((doc, ctx) => {
    let seen = false;
    doc.content.forEach((block, i) => {
      if (block.type !== 'paywallBreak') return;
      if (seen) ctx.addIssue({ code: 'custom', message: 'Only one paywall break is allowed', path: ['content', i] });
      seen = true;
    });
  });

/** Every node type name, for telling "unknown type" apart from "known type in the wrong place". */
export const NODE_TYPES: ReadonlySet<string> = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'pullQuote',
  'image',
  'videoEmbed',
  'paywallBreak',
  'text',
  'hardBreak',
  'editorsInsert',
]);

export type BoldMark = z.infer<typeof BoldMarkSchema>;
export type ItalicMark = z.infer<typeof ItalicMarkSchema>;
export type UnderlineMark = z.infer<typeof UnderlineMarkSchema>;
export type StrikeMark = z.infer<typeof StrikeMarkSchema>;
export type LinkMark = z.infer<typeof LinkMarkSchema>;
export type Mark = z.infer<typeof MarkSchema>;
export type TextNode = z.infer<typeof TextSchema>;
export type HardBreak = z.infer<typeof HardBreakSchema>;
export type EditorsInsert = z.infer<typeof EditorsInsertSchema>;
export type Inline = z.infer<typeof InlineSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type Heading = z.infer<typeof HeadingSchema>;
export type ListItem = z.infer<typeof ListItemSchema>;
export type BulletList = z.infer<typeof BulletListSchema>;
export type OrderedList = z.infer<typeof OrderedListSchema>;
export type ListItemChild = z.infer<typeof ListItemChildSchema>;
export type Blockquote = z.infer<typeof BlockquoteSchema>;
export type PullQuote = z.infer<typeof PullQuoteSchema>;
export type Image = z.infer<typeof ImageSchema>;
export type VideoEmbed = z.infer<typeof VideoEmbedSchema>;
export type PaywallBreak = z.infer<typeof PaywallBreakSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type StoryDocument = z.infer<typeof StoryDocumentSchema>;
