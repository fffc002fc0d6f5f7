import type { StoryStatus } from '../../content/index.js';
import { can, mayEditFields, type Action, type Actor } from '../permissions.js';

/** The editorial state machine: which moves exist and which permission each needs. */
const MOVES: Record<StoryStatus, Partial<Record<StoryStatus, Action>>> = {
  draft: { in_review: 'story.submit', scheduled: 'story.publish', published: 'story.publish' },
  in_review: { draft: 'story.submit', scheduled: 'story.publish', published: 'story.publish' },
  scheduled: { draft: 'story.publish', published: 'story.publish' },
  published: { unpublished: 'story.unpublish' },
  unpublished: { draft: 'story.publish', published: 'story.publish' },
};

export interface WorkflowSubject {
  status: StoryStatus;
  locale: string;
  isOriginal: boolean;
  ownerStaffIds: readonly string[];
}

export type MoveCheck = { ok: true } | { ok: false; reason: 'no_such_move' | 'not_allowed' };

/**
 * Whether the actor may move this language version to `to`. A translator may send a translation
 * in their own locale to review (and withdraw it), never publish.
 */
export function checkMove(actor: Actor, subject: WorkflowSubject, to: StoryStatus): MoveCheck {
  const action = MOVES[subject.status][to];
  if (!action) return { ok: false, reason: 'no_such_move' };
  if (action === 'story.submit' && !subject.isOriginal && can(actor, 'translation.edit', { locale: subject.locale })) {
    return { ok: true };
  }
  return can(actor, action, { ownerStaffIds: subject.ownerStaffIds, locale: subject.locale })
    ? { ok: true }
    : { ok: false, reason: 'not_allowed' };
}

/** Whether the actor may change the text of this language version in its current state. */
export function mayEdit(actor: Actor, subject: WorkflowSubject): boolean {
  return mayEditFields(actor, 'text', subject);
}

/** Whether the actor may see this language version at all. */
export function mayRead(actor: Actor, subject: WorkflowSubject): boolean {
  return (
    can(actor, 'story.readAll') || can(actor, 'story.editAny') || mayEdit(actor, subject) || subject.ownerStaffIds.includes(actor.staffId)
  );
}

export function allowedMoves(actor: Actor, subject: WorkflowSubject): StoryStatus[] {
  return (Object.keys(MOVES[subject.status]) as StoryStatus[]).filter((to) => checkMove(actor, subject, to).ok);
}
