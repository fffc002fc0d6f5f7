/**
 * The static ceiling: nginx serving the story page's exact bytes from disk, with a config of our
 * own whose every path (pid, logs, temp dirs) lies under the work directory, so it can run as root
 * without touching /etc, /var or /run.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { getPage, waitForOk } from './http.js';
import { freePort, hasExited, spawnTracked, stopProcess, tail } from './processes.js';
import { NGINX_BIN } from './tools.js';

export const STATIC_FILE = 'story.html';

export interface StaticSite {
  url: string;
  /** The nginx master process (its children are the worker processes). */
  pid: number | undefined;
  stop: () => Promise<void>;
}

/** A double-quoted nginx string. */
function quoted(path: string): string {
  return `"${path.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export function nginxConfig(prefix: string, root: string, port: number): string {
  const inPrefix = (name: string) => quoted(join(prefix, name));
  return `# Written by bench/nginx.ts for one benchmark run.
worker_processes auto;
daemon off;
pid ${inPrefix('nginx.pid')};
error_log ${inPrefix('error.log')} warn;

events {
    worker_connections 1024;
}

http {
    types { text/html html; }
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${inPrefix('temp/client_body')};
    proxy_temp_path ${inPrefix('temp/proxy')};
    fastcgi_temp_path ${inPrefix('temp/fastcgi')};
    uwsgi_temp_path ${inPrefix('temp/uwsgi')};
    scgi_temp_path ${inPrefix('temp/scgi')};

    server {
        listen 127.0.0.1:${port};
        root ${quoted(root)};
    }
}
`;
}

/** `-e file` (nginx >= 1.19.5) keeps even the pre-config error log away from /var/log. */
function supportsErrorLogFlag(): boolean {
  const help = spawnSync(NGINX_BIN, ['-h'], { encoding: 'utf8' });
  return `${help.stdout}${help.stderr}`.includes('-e filename');
}

function errorLog(prefix: string): string {
  const path = join(prefix, 'error.log');
  return existsSync(path) ? tail(readFileSync(path, 'utf8')) : '(no error log)';
}

/** Writes `body` as story.html, starts nginx on a free port and checks it serves those bytes. */
export async function startStaticSite(prefix: string, body: Buffer): Promise<StaticSite> {
  const root = join(prefix, 'root');
  mkdirSync(join(prefix, 'temp'), { recursive: true, mode: 0o755 });
  mkdirSync(root, { recursive: true, mode: 0o755 });
  writeFileSync(join(root, STATIC_FILE), body, { mode: 0o644 });
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConfig(prefix, root, port));

  const args = ['-c', conf, '-p', `${prefix}/`];
  if (supportsErrorLogFlag()) args.push('-e', join(prefix, 'error.log'));
  const nginx: ChildProcess = spawnTracked(NGINX_BIN, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  nginx.on('error', (error) => process.stderr.write(`[bench] nginx: ${error.message}\n`));
  const stop = () => stopProcess(nginx, 'SIGQUIT');
  const url = `http://127.0.0.1:${port}/${STATIC_FILE}`;
  try {
    await waitForOk(url, 10_000, () => !hasExited(nginx));
    const page = await getPage(url);
    if (!page.body.equals(body)) throw new Error(`nginx served ${page.body.length} bytes, expected ${body.length}`);
  } catch (error) {
    await stop();
    throw new Error(`nginx failed: ${(error as Error).message}\n${errorLog(prefix)}`);
  }
  return { url, pid: nginx.pid, stop };
}
