// Server-sent events for the overview. The browser reads them with fetch (EventSource cannot send
// the Authorization header). "ready" is sent once the hub has a baseline: every change after it
// arrives as an "update" with the changed rows; a comment every 15 s keeps proxies from closing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveHub } from '../live-hub.ts';

export async function streamOverview(hub: LiveHub, agencyId: number | null, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const unsubscribe = await hub.subscribe({ agencyId, send: (items) => write('update', { items }) });
  write('ready', { at: new Date().toISOString() });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  const end = () => { clearInterval(keepAlive); unsubscribe(); };
  req.raw.once('close', end);
  res.once('close', end);
}
