/**
 * A small load generator for URL lists (run as its own process, so it never shares an event loop
 * with the server or the harness): `connections` keep-alive clients each take the next URL of a
 * shuffled list (cycling) for `seconds`, and it prints one JSON line: requests, req/s, p50/p99 in
 * ms, and counts by status. wrk measures single hot URLs; this measures crawlers and mixes.
 *
 *   tsx bench/loadgen.ts <base> <url-list-file> <connections> <seconds> [cookie]
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [base, listFile, connectionsArg, secondsArg, cookie] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const urls = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
if (urls.length === 0) throw new Error(`${listFile} holds no URLs`);
// Random order, the same for every run (a fixed seed).
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
for (let i = urls.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [urls[i], urls[j]] = [urls[j] as string, urls[i] as string];
}
const connections = Number(connectionsArg);
const deadline = performance.now() + Number(secondsArg) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let next = 0;

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(base + path, { agent, headers: cookie ? { cookie } : {} }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
}

async function client() {
  while (performance.now() < deadline) {
    const path = urls[next++ % urls.length] as string;
    const started = performance.now();
    const status = await get(path).catch(() => 0);
    latencies.push(performance.now() - started);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, client));
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    requestsPerSec: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    statuses,
    distinctUrls: urls.length,
  }),
);
