/**
 * Plain HTTP GETs over loopback. node:http rather than fetch so that, like wrk, we send no
 * Accept-Encoding and get the exact bytes on the wire.
 */
import http from 'node:http';

export interface Page {
  status: number;
  body: Buffer;
}

export function getPage(url: string, timeoutMs = 10_000): Promise<Page> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    request.once('timeout', () => request.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    request.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `url` until it answers 200. Gives up after `timeoutMs`, or as soon as `stillRunning`
 * says the server is gone.
 */
export async function waitForOk(url: string, timeoutMs: number, stillRunning: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!stillRunning()) throw new Error(`server exited before ${url} answered 200`);
    try {
      const page = await getPage(url, 2_000);
      if (page.status === 200) return;
      last = `status ${page.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}
