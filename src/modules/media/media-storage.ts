/**
 * Where media files live. The module only names files (content-hashed, no separators) and hands
 * over bytes; the adapter decides the medium (local disk today, an object store later).
 */
export interface MediaStorage {
  /** Stores the file atomically: a reader sees the whole file or none. Overwriting is allowed. */
  put(name: string, bytes: Uint8Array): Promise<void>;
  exists(name: string): Promise<boolean>;
  /** Removes the file; a missing file is not an error. */
  delete(name: string): Promise<void>;
  /** The file's location on local disk, for storages that have one. */
  path?(name: string): string;
}
