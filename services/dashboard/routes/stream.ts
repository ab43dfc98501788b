// Server-sent events for the overview. The browser reads them with fetch (EventSource cannot send
// the Authorization header). "ready" carries the whole overview the caller may see (the hub's
// baseline, so a second viewer costs no query); every change after it arrives as an "update" with
// the changed rows, on the same ordered stream; a comment every 15 s keeps proxies from closing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveHub } from '../live-hub.ts';

export async function streamOverview(hub: LiveHub, agencyId: number | null, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const { snapshot, unsubscribe } = await hub.subscribe({ agencyId, send: (items) => write('update', { items }), end: () => res.end() });
  write('ready', { at: new Date().toISOString(), items: snapshot });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  const end = () => { clearInterval(keepAlive); unsubscribe(); };
  req.raw.once('close', end);
  res.once('close', end);
}
