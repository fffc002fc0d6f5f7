import { describe, expect, it } from 'vitest';
import { auditActorText } from './audit-actor';

describe('who the audit log names', () => {
  const label = (id: string) => `API key ${id}`;

  it('a person by their name', () => {
    expect(auditActorText({ staffId: 's1', apiKeyId: null, name: 'Ada Admin' }, label)).toBe('Ada Admin');
  });

  it('an API key by its name, marked as a key (the server names keys too, so the name alone would read as a person)', () => {
    expect(auditActorText({ staffId: null, apiKeyId: 'k1', name: 'CI deploy' }, label)).toBe('CI deploy · API key k1');
  });
});
