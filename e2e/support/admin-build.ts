import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The production build `npm start` makes (Vite follows NODE_ENV, which vitest sets to "test"), so a
 * journey runs what admin/ holds now.
 */
export async function buildAdminApp(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'admin', 'vite.config.ts'), logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
