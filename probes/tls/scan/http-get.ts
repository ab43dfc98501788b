// One bounded HTTP(S) GET to an address already checked against the egress policy: used for the
// HSTS header, AIA intermediates and the target's redirects. Never throws for what the peer does.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkConnectedSocket } from '../../egress/policy.ts';
import { classifyConnectError, type ConnectError } from './connect-error.ts';

export type GetSpec = {
  ip: string; port: number; tls: boolean; hostHeader: string; servername?: string; path: string;
  allowPrivate: boolean; timeoutMs: number; maxBytes: number; ca?: readonly string[];
};
export type GetResult = { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer } | { ok: false; error: ConnectError };

export function httpGet(spec: GetSpec, signal?: AbortSignal): Promise<GetResult> {
  return new Promise((resolve) => {
    const request = spec.tls ? httpsRequest : httpRequest;
    const req = request({
      host: spec.ip, port: spec.port, path: spec.path, method: 'GET', agent: false, signal,
      headers: { host: spec.hostHeader, 'user-agent': 'Sanjeh TLS probe', accept: '*/*' },
      // Any version and suite the scan may have found: HSTS is read whatever the TLS quality.
      ...(spec.tls ? { servername: spec.servername, rejectUnauthorized: false, minVersion: 'TLSv1' as const, ciphers: 'ALL:@SECLEVEL=0' } : {}),
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), spec.timeoutMs);
    const done = (r: GetResult) => { clearTimeout(timer); req.destroy(); resolve(r); };
    req.once('socket', (s) => s.once('connect', () => {
      try { checkConnectedSocket(s, { allowPrivate: spec.allowPrivate }); } catch (e) { req.destroy(e as Error); }
    }));
    req.once('error', (e) => done({ ok: false, error: classifyConnectError(e) }));
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > spec.maxBytes) return done({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        chunks.push(c);
      });
      res.once('end', () => done({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.once('error', (e) => done({ ok: false, error: classifyConnectError(e) }));
    });
    req.end();
  });
}
