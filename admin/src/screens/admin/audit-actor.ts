import type { AuditEntry } from '../../api/types';

/**
 * Who an audit entry names, as the log shows it. The server always names the actor (a person by
 * their name, an API key by its own name), so an API key is marked as one: "CI deploy · API key k1".
 */
export function auditActorText(actor: AuditEntry['actor'], apiKeyLabel: (id: string) => string): string {
  return actor.apiKeyId ? `${actor.name} · ${apiKeyLabel(actor.apiKeyId)}` : actor.name;
}
