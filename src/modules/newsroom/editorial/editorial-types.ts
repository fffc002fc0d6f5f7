import { z } from 'zod';
import type { StoryDocument } from '../../content/document/index.js';
import {
  accessLevelSchema,
  provenanceSchema,
  storyStatusSchema,
  type AccessLevel,
  type Provenance,
  type StoryStatus,
} from '../../content/index.js';

const id = z.string().min(1).max(64);
const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\s/?#%\\]+$/u, 'letters, digits and hyphens, no spaces or slashes');

/** What an editor sends when saving a story's language version (the admin API body). */
export const translationInputSchema = z
  .object({
    title: z.string().trim().min(1, 'a headline is required').max(300),
    dek: z.string().trim().max(500).default(''),
    body: z.unknown(),
    slug: slug.optional(),
    sectionId: id.nullable().optional(),
    topicIds: z.array(id).max(30).optional(),
    authorIds: z.array(id).max(12).optional(),
    leadImageId: id.nullable().optional(),
    seoTitle: z.string().trim().max(200).nullable().optional(),
    seoDescription: z.string().trim().max(320).nullable().optional(),
    accessLevel: accessLevelSchema.optional(),
  })
  .strict();
export type TranslationInput = z.infer<typeof translationInputSchema>;

export const createStorySchema = translationInputSchema.extend({ locale: z.string().min(2).max(16) }).strict();
export type CreateStoryInput = z.infer<typeof createStorySchema>;

export const updateTranslationSchema = translationInputSchema
  .extend({
    version: z.number().int().positive(),
    /** A save the editor made on its own while someone types: coalesced (see README, revisions). */
    autosave: z.boolean().optional(),
    /**
     * The story-wide settings' version the client read (`story.version`): a save carrying any
     * story-wide field is refused (409) when the story's settings changed since (see README).
     */
    storyVersion: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateTranslationInput = z.infer<typeof updateTranslationSchema>;

export const transitionSchema = z
  .object({
    to: storyStatusSchema,
    publishAt: z.iso.datetime({ offset: true }).optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionSchema>;

export const newTranslationSchema = z
  .object({
    locale: z.string().min(2).max(16),
    provenance: provenanceSchema.exclude(['original']).default('newsroom'),
    provenanceCredit: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export type NewTranslationInput = z.infer<typeof newTranslationSchema>;

export const correctionSchema = z.object({ kind: z.enum(['correction', 'update']), text: z.string().trim().min(1).max(2000) }).strict();
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const listQuerySchema = z
  .object({
    status: storyStatusSchema.optional(),
    locale: z.string().max(16).optional(),
    sectionId: id.optional(),
    authorId: id.optional(),
    topicId: id.optional(),
    q: z.string().max(200).optional(),
    // The list pages 40 deep (ADMIN_MAX_PAGES): its count stops there, so a deeper page never exists.
    page: z.coerce.number().int().min(1).max(40).default(1),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuerySchema>;

/** A language version as the newsroom sees it: everything needed to edit it. */
export interface TranslationRecord {
  id: string;
  storyId: string;
  locale: string;
  title: string;
  dek: string;
  body: StoryDocument;
  slug: string;
  status: StoryStatus;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  version: number;
  isOriginal: boolean;
  translatedFrom: string | null;
  provenance: Provenance;
  provenanceCredit: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  createdBy: string | null;
  syncedSourceVersion: number | null;
  story: {
    sectionId: string | null;
    leadImageId: string | null;
    accessLevel: AccessLevel;
    createdBy: string | null;
    authorIds: string[];
    topicIds: string[];
    originalLocale: string;
    /** The story-wide settings' optimistic lock: bumped by every change of them. */
    version: number;
  };
  /** Every language version of the story, this one included. */
  siblings: { id: string; locale: string; status: StoryStatus; version: number; isOriginal: boolean; publishedAt: string | null }[];
}

export interface StoryListItem {
  storyId: string;
  translationId: string;
  locale: string;
  title: string;
  status: StoryStatus;
  updatedAt: string;
  publishedAt: string | null;
  sectionId: string | null;
  authorIds: string[];
}

export const REVISION_KINDS = ['autosave', 'save', 'restore', 'workflow'] as const;
/** autosave: coalesced; save: an explicit save; restore: an earlier text brought back; workflow: the text at a status change. */
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** One revision as listed: metadata only (the text is fetched through diff or restore). */
export interface RevisionSummary {
  id: string;
  version: number;
  kind: RevisionKind;
  savedAt: string;
  savedBy: string | null;
  /** The staff member's name (kept for deleted accounts too). */
  savedByName: string | null;
  title: string;
  /** For a workflow revision: the status the story moved to. */
  note: string | null;
}

export const REVISIONS_PAGE_MAX = 100;
export const revisionsQuerySchema = z
  .object({
    /** Revisions older than this version (the `nextBefore` of the previous page). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(REVISIONS_PAGE_MAX).default(50),
  })
  .strict();
export type RevisionsQuery = z.infer<typeof revisionsQuerySchema>;

export interface Revision extends RevisionSummary {
  dek: string;
  body: StoryDocument;
  slug: string;
}

export interface Correction {
  id: string;
  translationId: string;
  kind: 'correction' | 'update';
  text: string;
  createdAt: string;
  createdBy: string | null;
}

export type DeskState = 'needs_translation' | 'in_progress' | 'in_review' | 'published';

export interface DeskItem {
  storyId: string;
  sourceTranslationId: string;
  sourceLocale: string;
  sourceTitle: string;
  translationId: string | null;
  locale: string;
  title: string | null;
  state: DeskState;
  sourceUpdated: boolean;
  updatedAt: string;
}
