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
  'taxonomy.edit', // create topics, sections, authors
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
    'story.create', 'story.editOwn', 'story.editAny', 'story.submit', 'story.publish', 'story.unpublish', 'story.correct',
    'story.readAll', 'translation.create', 'translation.edit', 'translation.markSynced', 'media.upload', 'taxonomy.edit',
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
  if (!MATRIX[actor.role].includes(action)) return false;
  if (actor.role === 'translator' && (action === 'translation.create' || action === 'translation.edit' || action === 'translation.markSynced')) {
    return target.locale !== undefined && actor.locales.includes(target.locale);
  }
  if (action === 'story.editOwn' || action === 'story.submit') {
    if (actor.role === 'editor' || actor.role === 'admin') return true;
    return target.ownerStaffIds === undefined || target.ownerStaffIds.includes(actor.staffId);
  }
  return true;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
