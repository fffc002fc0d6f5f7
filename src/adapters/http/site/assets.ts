import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteAssets } from './page-context.js';

export interface StaticAsset {
  body: Buffer;
  contentType: string;
}

export interface LoadedAssets {
  /** Fingerprinted URL paths pages link to. */
  urls: SiteAssets;
  /** Fingerprinted path → file. */
  files: Map<string, StaticAsset>;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * Reads the site's static files once at start and names each by a hash of its bytes
 * (/assets/site.3f9a1c2b7d.css), so they can be cached forever and a change is a new URL.
 */
export function loadAssets(dir: string): LoadedAssets {
  const files = new Map<string, StaticAsset>();
  const fingerprint = (name: string): string => {
    const body = readFileSync(join(dir, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const dot = name.lastIndexOf('.');
    const ext = name.slice(dot + 1);
    const path = `/assets/${name.slice(0, dot)}.${hash}.${ext}`;
    files.set(path, { body, contentType: TYPES[ext] ?? 'application/octet-stream' });
    return path;
  };
  return { urls: { stylesheet: fingerprint('site.css'), icon: fingerprint('icon.svg') }, files };
}
