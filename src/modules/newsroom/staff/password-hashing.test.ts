import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hashing.js';

describe('password hashing', () => {
  it('stores a versioned scrypt string with its own salt per password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$scrypt\$v=1\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect(needsRehash(a)).toBe(false);
  });

  it('verifies the right password only, the same whatever Unicode normalization it was typed in', async () => {
    const stored = await hashPassword('Şifre ve çay');
    expect(await verifyPassword('Şifre ve çay', stored)).toBe(true);
    expect(await verifyPassword('Şifre ve çay'.normalize('NFD'), stored)).toBe(true);
    expect(await verifyPassword('şifre ve çay', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('answers false, never throws, for strings that are not ours, and flags old parameters', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$v=1$ln=99,r=8,p=1$AAAA$AAAA')).toBe(false);
    expect(needsRehash('$scrypt$v=1$ln=14,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA')).toBe(true);
  });

  it('has a stand-in hash for unknown accounts that costs the same and matches nothing', async () => {
    expect(needsRehash(UNKNOWN_ACCOUNT_HASH)).toBe(false);
    expect(await verifyPassword('', UNKNOWN_ACCOUNT_HASH)).toBe(false);
    expect(await verifyPassword('correct horse battery', UNKNOWN_ACCOUNT_HASH)).toBe(false);
  });
});
