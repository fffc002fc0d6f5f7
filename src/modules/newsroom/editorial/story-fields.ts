import { STORY_FIELDS, type EditSubject } from '../permissions.js';
import type { StoryChanges } from './editorial-repository.js';
import type { TranslationInput, TranslationRecord } from './editorial-types.js';
import type { WorkflowSubject } from './workflow.js';
import type { StoryStatus } from '../../content/index.js';

/**
 * The two field groups of a save (permissions.ts): what a language version's workflow subject is,
 * which story-wide fields a save carries, and which of them it would actually change.
 */
export function subjectOf(translation: TranslationRecord): WorkflowSubject {
  return {
    status: translation.status,
    locale: translation.locale,
    isOriginal: translation.isOriginal,
    ownerStaffIds: [translation.story.createdBy, translation.createdBy].filter((v): v is string => !!v),
  };
}

export function storyChanges(input: TranslationInput): StoryChanges {
  return {
    ...(input.sectionId !== undefined && { sectionId: input.sectionId }),
    ...(input.leadImageId !== undefined && { leadImageId: input.leadImageId }),
    ...(input.accessLevel !== undefined && { accessLevel: input.accessLevel }),
    ...(input.authorIds !== undefined && { authorIds: [...new Set(input.authorIds)] }),
    ...(input.topicIds !== undefined && { topicIds: [...new Set(input.topicIds)] }),
  };
}

/** The story-wide fields a save would actually change: a field sent with its current value is no change. */
export function changedStoryFields(input: TranslationInput, current: TranslationRecord): StoryChanges {
  const wanted = storyChanges(input);
  const changed: StoryChanges = {};
  for (const field of STORY_FIELDS) {
    const value = wanted[field];
    if (value === undefined) continue;
    const now = current.story[field];
    const same =
      Array.isArray(value) && Array.isArray(now) ? value.length === now.length && value.every((v, i) => v === now[i]) : value === now;
    if (!same) Object.assign(changed, { [field]: value });
  }
  return changed;
}

/**
 * The story's own subject: what story-wide fields are edited on. Those fields are shared by every
 * language version, so the story is early (its owner may still change them, permissions.ts) only
 * while ALL its language versions are early: each a draft or in review, and none ever out in public.
 * A published or unpublished version is or has been live, and a scheduled one goes out on its own
 * (an editor approved it as it stands); a draft that carries a publication time was taken back to
 * draft after being live (unpublished → draft keeps the time; only a scheduled version withdrawn
 * before it went out loses it). One such version is enough: an original taken back to draft does
 * not make the settings of a story whose Turkish version is public a writer's again.
 */
export function storySubjectOf(translation: TranslationRecord): EditSubject {
  const original = translation.siblings.find((s) => s.isOriginal);
  return {
    status: original?.status ?? translation.status,
    locale: translation.story.originalLocale,
    isOriginal: true,
    ownerStaffIds: translation.story.createdBy ? [translation.story.createdBy] : [],
    everLive: translation.siblings.some(everLive),
  };
}

/** Whether a language version is or has been out in public (see storySubjectOf). */
export function everLive(version: { status: StoryStatus; publishedAt: string | null }): boolean {
  return !(version.status === 'draft' || version.status === 'in_review') || version.publishedAt !== null;
}
