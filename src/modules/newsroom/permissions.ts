/**
 * Who may do what in the newsroom: one matrix, enforced on the server for every request (admin app
 * and API keys alike), and tested exhaustively. Roles are cumulative in spirit but listed
 * explicitly, so reading a row tells the whole truth.
 */
export const ROLES = ['contributor', 'writer', 'translator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'story.create', // start a new story (a draft)
  'story.editOwn', // edit a draft/in-review story one is an author of
  'story.editAny', // edit any story, any status
  'story.submit', // move one's own draft to review
  'story.publish', // publish, schedule
  'story.unpublish',
  'story.correct', // append a correction or update note
  'story.readAll', // see every story in the admin list
  'translation.create', // start a translation (translators: into their locales)
  'translation.edit', // edit a translation (translators: in their locales)
  'translation.markSynced',
  'media.upload',
  'taxonomy.edit', // create topics (from the editor's topic picker)
  'taxonomy.manage', // create, rename, reorder and delete authors and sections; rename topics
  'staff.manage', // invite, change roles
  'apiKey.manage',
  'settings.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, readonly Action[]> = {
  contributor: ['story.create', 'story.editOwn', 'media.upload'],
  writer: ['story.create', 'story.editOwn', 'story.submit', 'media.upload', 'taxonomy.edit'],
  translator: ['translation.create', 'translation.edit', 'translation.markSynced', 'story.readAll', 'media.upload'],
  editor: [
    'story.create',
    'story.editOwn',
    'story.editAny',
    'story.submit',
    'story.publish',
    'story.unpublish',
    'story.correct',
    'story.readAll',
    'translation.create',
    'translation.edit',
    'translation.markSynced',
    'media.upload',
    'taxonomy.edit',
    'taxonomy.manage',
  ],
  admin: [...ACTIONS],
};

/** Someone acting in the newsroom: a signed-in staff member, or an API key scoped to a role. */
export interface Actor {
  kind: 'staff' | 'apiKey';
  /** The staff member (for an API key: who created it). */
  staffId: string;
  apiKeyId: string | null;
  role: Role;
  /** Locales a translator translates into; empty for other roles. */
  locales: readonly string[];
  name: string;
  /**
   * For an API key: the staff member who made it, as they are now (read on every request). A key
   * never does more than its owner could do today: an action needs both the key's role and theirs.
   */
  owner?: { role: Role; locales: readonly string[] };
}

/** What an action applies to, when the answer depends on it. */
export interface Target {
  /** Staff ids of the story's authors (for "own" rules). */
  ownerStaffIds?: readonly string[];
  /** The locale of the translation concerned (for translators). */
  locale?: string;
}

/** The single answer to "may this actor do this here?". */
export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  if (actor.owner && !allows(actor.owner.role, actor.owner.locales, actor.staffId, action, target)) return false;
  return allows(actor.role, actor.locales, actor.staffId, action, target);
}

function allows(role: Role, locales: readonly string[], staffId: string, action: Action, target: Target): boolean {
  if (!MATRIX[role].includes(action)) return false;
  if (role === 'translator' && (action === 'translation.create' || action === 'translation.edit' || action === 'translation.markSynced')) {
    return target.locale !== undefined && locales.includes(target.locale);
  }
  if (action === 'story.editOwn' || action === 'story.submit') {
    if (role === 'editor' || role === 'admin') return true;
    return target.ownerStaffIds === undefined || target.ownerStaffIds.includes(staffId);
  }
  return true;
}

/**
 * Field groups: what one save of a language version may change, and who may change each group.
 * A translation's text belongs to that language version; story-wide settings belong to the story
 * (every language shares them), so they follow the story's own permission, never a translator's.
 */
export const TEXT_FIELDS = ['title', 'dek', 'body', 'slug', 'seoTitle', 'seoDescription'] as const;
export const STORY_FIELDS = ['accessLevel', 'sectionId', 'leadImageId', 'authorIds', 'topicIds'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];
export type FieldGroup = 'text' | 'story';

const FIELD_GROUPS: Record<FieldGroup, { any: Action; own: Action; inOwnLocale: Action | null }> = {
  // Editors anything; owners their early drafts; translators a translation in their locales.
  text: { any: 'story.editAny', own: 'story.editOwn', inOwnLocale: 'translation.edit' },
  // Editors anything; the story's owner while the story is early (no language version is or has
  // been out in public: see storySubjectOf in editorial/story-fields.ts); translators never.
  story: { any: 'story.editAny', own: 'story.editOwn', inOwnLocale: null },
};

/** What a field group is edited on: a language version (text) or the story's original (story). */
export interface EditSubject {
  status: string;
  locale: string;
  isOriginal: boolean;
  ownerStaffIds: readonly string[];
  /**
   * True when the subject is or has been out in public, whatever its status says now (a story whose
   * translation is live while its original went back to draft): never early then.
   */
  everLive?: boolean;
}

/** The single answer to "may this actor change this group of fields here, in this state?". */
export function mayEditFields(actor: Actor, group: FieldGroup, subject: EditSubject): boolean {
  const rule = FIELD_GROUPS[group];
  if (can(actor, rule.any)) return true;
  const early = !subject.everLive && (subject.status === 'draft' || subject.status === 'in_review');
  if (rule.inOwnLocale && !subject.isOriginal && can(actor, rule.inOwnLocale, { locale: subject.locale })) return early;
  return early && can(actor, rule.own, { ownerStaffIds: subject.ownerStaffIds });
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
