// Uptime-like background load for bench/speed.ts, run in a worker thread: a local HTTP server and
// undici GETs against it at a fixed rate (checks per second), each on a fresh connection as an
// uptime probe that times connect would make. Posts the number of completed checks when stopped.
import { parentPort, workerData } from 'node:worker_threads';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

const { ratePerS } = workerData as { ratePerS: number };
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>ok</h1>'.repeat(200)));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const agent = new Agent({ pipelining: 0 });
const inFlight = new Set<Promise<void>>();
let completed = 0;

function check(): void {
  const p = request(url, { dispatcher: agent, reset: true })
    .then((res) => res.body.text())
    .then(() => { completed++; }, () => {})
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

// Ticks of 10 ms; carry the fraction so any rate is met on average.
let due = 0;
const tick = setInterval(() => {
  due += ratePerS / 100;
  for (; due >= 1; due--) check();
}, 10);
parentPort?.postMessage({ type: 'started' });
parentPort?.once('message', async () => {
  clearInterval(tick);
  await Promise.all(inFlight);
  await agent.close();
  server.close();
  parentPort?.postMessage({ type: 'stopped', completed });
});
