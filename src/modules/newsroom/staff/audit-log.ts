import type { Clock } from '../../../shared/clock.js';
import type { Actor } from '../permissions.js';
import type { AuditLogStore, NewAuditEntry } from './staff-repository.js';
import type { AuditEntry, Page } from './staff-types.js';

export const AUDIT_PAGE_SIZE = 50;

/** Who an audit entry names. API keys are named as themselves, not as the person who made them. */
export type AuditActor = AuditEntry['actor'];

export function auditActorOf(actor: Actor): AuditActor {
  return actor.kind === 'apiKey'
    ? { staffId: null, apiKeyId: actor.apiKeyId, name: actor.name }
    : { staffId: actor.staffId, apiKeyId: null, name: actor.name };
}

/** The command line acts without an account; entries say so. */
export const COMMAND_LINE: AuditActor = { staffId: null, apiKeyId: null, name: 'command line' };

function entryOf(
  actor: Actor | AuditActor,
  action: string,
  subject: { kind: string; id: string },
  details: Record<string, unknown>,
): NewAuditEntry {
  return { actor: 'kind' in actor ? auditActorOf(actor) : actor, action, subject, details };
}

/**
 * The newsroom's record of consequential changes (roles, keys, accounts, setup, password resets;
 * publications, corrections and access changes of stories).
 * Append-only: nothing here updates or deletes an entry. Details never hold secrets.
 */
export class AuditLog {
  constructor(
    private readonly store: AuditLogStore,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: Actor | AuditActor,
    action: string,
    subject: { kind: string; id: string },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.store.append(entryOf(actor, action, subject, details), this.clock.now());
  }

  /**
   * The same, inside a transaction another store opened (`tx`, the database adapter's own, handed
   * through untouched): the entry commits or rolls back with the change it records.
   */
  async recordIn(
    tx: unknown,
    actor: Actor | AuditActor,
    action: string,
    subject: { kind: string; id: string },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.store.append(entryOf(actor, action, subject, details), this.clock.now(), tx);
  }

  /** Newest first; pages start at 1. */
  page(page: number): Promise<Page<AuditEntry>> {
    return this.store.page(Math.max(1, Math.floor(page)), AUDIT_PAGE_SIZE);
  }
}
