/**
 * External tools the benchmark drives: wrk (load generator) and nginx (the static ceiling).
 * Missing ones are installed with apt-get, which needs root on a Debian-like system.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { commandExists } from './processes.js';

export const NGINX_BIN = '/usr/sbin/nginx';
const APT_TIMEOUT_MS = 15 * 60_000;

function missingTools(): string[] {
  const missing: string[] = [];
  if (!commandExists('wrk')) missing.push('wrk');
  if (!existsSync(NGINX_BIN)) missing.push('nginx');
  return missing;
}

function apt(args: string[]): void {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: APT_TIMEOUT_MS,
  });
  if (result.error) throw new Error(`apt-get ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} exited with ${result.status}`);
}

/** Makes sure wrk and nginx are installed, installing them with apt-get if not. */
export function ensureTools(log: (message: string) => void): void {
  const missing = missingTools();
  if (missing.length === 0) return;
  log(`missing ${missing.join(', ')}; installing wrk and nginx-light with apt-get`);
  if (!commandExists('apt-get')) {
    throw new Error(`${missing.join(', ')} not installed and apt-get is unavailable; install wrk and nginx`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`${missing.join(', ')} not installed; run: sudo apt-get install -y wrk nginx-light`);
  }
  apt(['update']);
  apt(['install', '-y', 'wrk', 'nginx-light']);
  const stillMissing = missingTools();
  if (stillMissing.length > 0) throw new Error(`still missing after apt-get: ${stillMissing.join(', ')}`);
}
