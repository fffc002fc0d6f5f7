import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk-storage.js';

describe('LocalDiskStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'masthead-storage-'));
  const dir = join(root, 'media');
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes whole files under their name, leaving no temp file, and deletes them', async () => {
    const storage = new LocalDiskStorage(dir);
    expect(await storage.exists('abc-400.webp')).toBe(false);
    await storage.put('abc-400.webp', new Uint8Array([1, 2, 3]));
    await storage.put('abc-400.webp', new Uint8Array([1, 2, 3]));
    expect(await storage.exists('abc-400.webp')).toBe(true);
    expect(readdirSync(dir)).toEqual(['abc-400.webp']);
    expect([...readFileSync(storage.path('abc-400.webp'))]).toEqual([1, 2, 3]);
    await storage.delete('abc-400.webp');
    await storage.delete('abc-400.webp');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses names that could leave the directory or hide as dot-files', async () => {
    const storage = new LocalDiskStorage(dir);
    for (const name of ['../x.webp', 'a/b.webp', '.hidden', '', 'A.webp', 'a..b']) {
      await expect(storage.put(name, new Uint8Array([1]))).rejects.toThrow('unsafe media file name');
    }
  });
});
