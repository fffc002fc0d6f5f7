/**
 * The editable part of a translation, and the TranslationInput sent for it.
 *
 * - Story-wide settings (section, topics, authors, lead image, access) are read from `story` (the
 *   server's `TranslationRecord`), and sent only from the story's original language version (the one
 *   screen that shows them). A translation's save carries its text alone; the server refuses
 *   story-wide changes from a translator (403).
 * - Emptying a field the server had a value for is sent as a removal (null for ids, '' for text).
 * - The slug is sent when someone typed one, or once the story has been public (its URL must not
 *   follow the title); before that the server makes it from the title on every save.
 * - A save names the versions it was based on: the text's, and the story-wide settings' when it
 *   carries them, so a screen holding an old copy of the settings gets a conflict (409) instead of
 *   undoing a change someone made through another language version.
 */
import type { AccessLevel, MediaImage, SaveInput, StoryDocument, Translation, TranslationInput, TranslationRef } from '../../api/types';

export interface DraftFields {
  title: string;
  dek: string;
  body: StoryDocument;
  /** What someone typed into the slug field; null while it has not been touched. */
  slugEdit: string | null;
  sectionId: string;
  topicIds: string[];
  authorIds: string[];
  leadImageId: string;
  /** Only for showing the lead image picked in this visit; never sent. */
  leadImage: MediaImage | null;
  seoTitle: string;
  seoDescription: string;
  accessLevel: AccessLevel;
}

const STORY_KEYS = ['sectionId', 'leadImageId', 'accessLevel', 'authorIds', 'topicIds'] as const;

/** The story's language versions (this one included). */
export function siblingsOf(t: Translation): TranslationRef[] {
  return t.siblings;
}

export function fieldsOf(t: Translation): DraftFields {
  return {
    title: t.title,
    dek: t.dek,
    body: t.body,
    slugEdit: null,
    sectionId: t.story.sectionId ?? '',
    topicIds: t.story.topicIds,
    authorIds: t.story.authorIds,
    leadImageId: t.story.leadImageId ?? '',
    leadImage: null,
    seoTitle: t.seoTitle ?? '',
    seoDescription: t.seoDescription ?? '',
    accessLevel: t.story.accessLevel,
  };
}

/** Has this translation ever been out in public (so its URL must not move with the title)? */
export function hasBeenPublic(t: Translation): boolean {
  return t.status === 'published' || t.status === 'scheduled' || t.status === 'unpublished';
}

export function inputOf(fields: DraftFields, server: Translation): TranslationInput {
  const input: TranslationInput = { title: fields.title, dek: fields.dek, body: fields.body };
  const slug = fields.slugEdit !== null ? fields.slugEdit.trim() : hasBeenPublic(server) ? (server.slug ?? '') : '';
  if (slug !== '') input.slug = slug;
  if (server.isOriginal !== false) Object.assign(input, storyInputOf(fields, server));

  const seoTitle = fields.seoTitle.trim();
  if (seoTitle !== '' || server.seoTitle) input.seoTitle = seoTitle;
  const seoDescription = fields.seoDescription.trim();
  if (seoDescription !== '' || server.seoDescription) input.seoDescription = seoDescription;
  return input;
}

/** The story-wide part of the input: only the original's editor sends it. */
function storyInputOf(fields: DraftFields, server: Translation): Partial<TranslationInput> {
  const input: Partial<TranslationInput> = { accessLevel: fields.accessLevel };
  if (fields.sectionId !== '') input.sectionId = fields.sectionId;
  else if (server.story.sectionId) input.sectionId = null;

  if (fields.leadImageId !== '') input.leadImageId = fields.leadImageId;
  else if (server.story.leadImageId) input.leadImageId = null;

  input.topicIds = fields.topicIds;
  input.authorIds = fields.authorIds;
  return input;
}

/** The body of a PUT: the input and the versions it was based on (see the top of this file). */
export function saveInputOf(fields: DraftFields, server: Translation, autosave: boolean): SaveInput {
  const input: SaveInput = { ...inputOf(fields, server), version: server.version };
  const carriesStory = STORY_KEYS.some((key) => input[key] !== undefined);
  if (carriesStory) input.storyVersion = server.story.version;
  if (autosave) input.autosave = true;
  return input;
}

/** Equal inputs ⇔ equal snapshots: what decides "saved" versus "unsaved". */
export function snapshotOf(fields: DraftFields, server: Translation): string {
  return JSON.stringify(inputOf(fields, server));
}
