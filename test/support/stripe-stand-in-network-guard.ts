import net from 'node:net';

/**
 * Belt and braces for "nothing reaches the network": while installed, every TCP (and so TLS/HTTP)
 * connection to anything but this machine is refused before DNS is even asked, and recorded, so a
 * test can assert that the Stripe SDK never tried api.stripe.com. Unix sockets and loopback pass.
 */
export function guardNetwork(): { attempts: string[]; restore(): void } {
  const attempts: string[] = [];
  const original = net.Socket.prototype.connect;
  const patched = function (this: net.Socket, ...args: unknown[]) {
    const target = destination(args);
    if (target && !isLoopback(target.host)) {
      attempts.push(`${target.host}:${target.port}`);
      const error = Object.assign(new Error(`network guard: refused connection to ${target.host}:${target.port}`), {
        code: 'ECONNREFUSED',
      });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  net.Socket.prototype.connect = patched as typeof original;
  return {
    attempts,
    restore() {
      net.Socket.prototype.connect = original;
    },
  };
}

function destination(args: unknown[]): { host: string; port: string } | null {
  // Node normalizes net.connect(...) arguments into [options, callback] before Socket#connect.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') {
    const options = first as { host?: string; port?: number | string; path?: string };
    if (options.path) return null;
    return { host: options.host ?? 'localhost', port: String(options.port ?? '') };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: String(first) };
  }
  return null; // a path: a Unix socket
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.') || host === '::ffff:127.0.0.1';
}
