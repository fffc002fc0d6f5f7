import { STORY_FIELDS } from '../permissions.js';
import type { StoryChanges } from './editorial-repository.js';
import type { TranslationInput, TranslationRecord } from './editorial-types.js';
import type { WorkflowSubject } from './workflow.js';

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
    const same = Array.isArray(value) && Array.isArray(now) ? value.length === now.length && value.every((v, i) => v === now[i]) : value === now;
    if (!same) Object.assign(changed, { [field]: value });
  }
  return changed;
}

/** The story's own subject (its original language version): what story-wide fields are edited on. */
export function storySubjectOf(translation: TranslationRecord): WorkflowSubject {
  const original = translation.siblings.find((s) => s.isOriginal);
  return {
    status: original?.status ?? translation.status,
    locale: translation.story.originalLocale,
    isOriginal: true,
    ownerStaffIds: translation.story.createdBy ? [translation.story.createdBy] : [],
  };
}
