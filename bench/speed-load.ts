// Uptime-like background load for bench/speed.ts, run in a worker thread: a local HTTP server and
// a loop of undici requests against it (`concurrency` in flight), as an uptime worker would make.
// Posts the number of completed requests when told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

const { concurrency } = workerData as { concurrency: number };
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>ok</h1>'.repeat(200)));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
// A fresh connection per check, like a probe that must time connect and TLS.
const agent = new Agent({ pipelining: 0 });
let running = true;
let completed = 0;

async function loop(): Promise<void> {
  while (running) {
    const res = await request(url, { dispatcher: agent, reset: true });
    await res.body.text();
    completed++;
  }
}

const loops = Array.from({ length: concurrency }, loop);
parentPort?.postMessage({ type: 'started' });
parentPort?.once('message', async () => {
  running = false;
  await Promise.all(loops);
  await agent.close();
  server.close();
  parentPort?.postMessage({ type: 'stopped', completed });
});
