import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditLogStore, NewAuditEntry, Page } from '../../../../modules/newsroom/staff/index.js';
import { newId } from '../../../../shared/ids.js';
import type { DB } from '../../schema.js';
import type { AuditLogTable } from '../../schema-staff.js';
import { count } from './staff-rows.js';

export class AuditLogKyselyRepository implements AuditLogStore {
  constructor(private readonly db: Kysely<DB>) {}

  async append(entry: NewAuditEntry, now: Date, tx?: unknown): Promise<void> {
    // `tx` is a Kysely transaction another repository of this adapter opened (see AuditLogStore).
    const db = tx === undefined ? this.db : (tx as Kysely<DB>);
    await db
      .insertInto('audit_log')
      .values({
        id: newId(now.getTime()),
        at: now.toISOString(),
        actor_staff_id: entry.actor.staffId,
        actor_api_key_id: entry.actor.apiKeyId,
        actor_name: entry.actor.name,
        action: entry.action,
        subject_kind: entry.subject.kind,
        subject_id: entry.subject.id,
        details: JSON.stringify(entry.details),
      })
      .execute();
  }

  async page(page: number, pageSize: number): Promise<Page<AuditEntry>> {
    const total = count(
      await this.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirst(),
    );
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: rows.map(toEntry), total, page, pageSize };
  }
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  const details: unknown = JSON.parse(row.details);
  return {
    id: row.id,
    at: row.at,
    actor: { staffId: row.actor_staff_id, name: row.actor_name, apiKeyId: row.actor_api_key_id },
    action: row.action,
    subject: { kind: row.subject_kind, id: row.subject_id },
    details: details !== null && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
  };
}
