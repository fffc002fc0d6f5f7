/** Catalog keys for the API's enumerations, so every one of them is shown in the interface language. */
import type { MessageKey } from '../i18n/i18n';
import type { AccessLevel, DeskState, Provenance, Role, StoryStatus, TopicKind } from '../api/types';

export const ROLE_KEYS: Record<Role, MessageKey> = {
  contributor: 'role.contributor',
  writer: 'role.writer',
  translator: 'role.translator',
  editor: 'role.editor',
  admin: 'role.admin',
};

export const STATUS_KEYS: Record<StoryStatus, MessageKey> = {
  draft: 'status.draft',
  in_review: 'status.in_review',
  scheduled: 'status.scheduled',
  published: 'status.published',
  unpublished: 'status.unpublished',
};

export const ACCESS_KEYS: Record<AccessLevel, MessageKey> = {
  public: 'access.public',
  metered: 'access.metered',
  registered: 'access.registered',
  paid: 'access.paid',
};

export const PROVENANCE_KEYS: Record<Provenance, MessageKey> = {
  original: 'provenance.original',
  newsroom: 'provenance.newsroom',
  machine: 'provenance.machine',
  partner: 'provenance.partner',
};

export const TOPIC_KIND_KEYS: Record<TopicKind, MessageKey> = {
  theme: 'topics.kind.theme',
  place: 'topics.kind.place',
  person: 'topics.kind.person',
  organization: 'topics.kind.organization',
};

/** Where a story stands on the translation desk (DeskItem.state). */
export const DESK_STATE_KEYS: Record<DeskState, MessageKey> = {
  needs_translation: 'desk.state.needs_translation',
  in_progress: 'desk.state.in_progress',
  in_review: 'desk.state.in_review',
  published: 'desk.state.published',
};

export function statusKey(status: string): MessageKey | null {
  return Object.hasOwn(STATUS_KEYS, status) ? STATUS_KEYS[status as StoryStatus] : null;
}
