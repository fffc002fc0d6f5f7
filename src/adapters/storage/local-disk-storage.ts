import { randomBytes } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaStorage } from '../../modules/media/index.js';

/** Names we accept: one path segment, no dot-files (temp files start with a dot), no traversal. */
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,120}$/;

/**
 * Media files in one directory (DATA_DIR/media), served by the site's /media/:name route. Writes go
 * to a temp file in the same directory, are flushed, then renamed over the final name, so a reader
 * (or a crash) never leaves a half-written file under a served name.
 */
export class LocalDiskStorage implements MediaStorage {
  private ready: Promise<unknown> | null = null;

  constructor(private readonly directory: string) {}

  path(name: string): string {
    if (!SAFE_NAME.test(name) || name.includes('..')) throw new Error(`unsafe media file name: ${JSON.stringify(name)}`);
    return join(this.directory, name);
  }

  async put(name: string, bytes: Uint8Array): Promise<void> {
    const file = this.path(name);
    this.ready ??= mkdir(this.directory, { recursive: true });
    await this.ready;
    const temp = join(this.directory, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async exists(name: string): Promise<boolean> {
    try {
      await access(this.path(name));
      return true;
    } catch {
      return false;
    }
  }

  async delete(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }
}
