// Where the TLS scan connects: the target URL's host and port, or, for an http:// URL, port 443
// of the host its redirects end on (issue 4's definition of "no HTTPS"). The address is resolved
// once through the egress policy and every later connection goes to that address.
import { isIP } from 'node:net';
import { resolveAllowed, EgressDeniedError } from '../../egress/policy.ts';
import { httpGet } from './http-get.ts';
import { classifyConnectError } from './connect-error.ts';
import type { TlsProbeError } from '../result.ts';

export type Located = { host: string; port: number; path: string; ip: string };
type Step = { ok: true; value: Located } | { ok: false; error: TlsProbeError };

async function resolve(host: string, allowPrivate: boolean): Promise<{ ip: string } | TlsProbeError> {
  try {
    const [ip] = await resolveAllowed(host, { allowPrivate });
    return ip ? { ip } : { class: 'dns_failure', detail: `no address for ${host}` };
  } catch (err) {
    if (err instanceof EgressDeniedError) return { class: 'egress_denied', detail: err.message };
    const c = classifyConnectError(err);
    return { class: c.class === 'other' ? 'dns_failure' : c.class, detail: c.code };
  }
}

const bare = (h: string) => h.replace(/^\[|\]$/g, '');

/** Follows up to 5 plain-HTTP redirects; stops at the first https:// URL. */
async function followToHttps(start: URL, allowPrivate: boolean, timeoutMs: number, signal?: AbortSignal): Promise<URL> {
  let u = start;
  for (let hop = 0; hop < 5 && u.protocol === 'http:'; hop++) {
    const r = await resolve(bare(u.hostname), allowPrivate);
    if (!('ip' in r)) return u;
    const res = await httpGet({ ip: r.ip, port: Number(u.port || 80), tls: false, hostHeader: u.host, path: `${u.pathname}${u.search}`,
      allowPrivate, timeoutMs, maxBytes: 1024 }, signal);
    const loc = res.ok && res.status >= 300 && res.status < 400 ? res.headers.location : undefined;
    if (!loc) return u;
    try { u = new URL(loc, u); } catch { return u; }
  }
  return u;
}

export async function locate(url: string, allowPrivate: boolean, timeoutMs: number, signal?: AbortSignal): Promise<Step> {
  let u: URL;
  try { u = new URL(url); } catch { return { ok: false, error: { class: 'invalid_target', detail: `not a URL: ${url}` } }; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, error: { class: 'invalid_target', detail: `unsupported scheme ${u.protocol}` } };
  const final = u.protocol === 'http:' ? await followToHttps(u, allowPrivate, timeoutMs, signal) : u;
  const host = bare(final.hostname);
  const port = final.protocol === 'https:' ? Number(final.port || 443) : 443;
  const r = await resolve(host, allowPrivate);
  if (!('ip' in r)) return { ok: false, error: r };
  return { ok: true, value: { host, port, ip: r.ip, path: final.protocol === 'https:' ? `${final.pathname}${final.search}` : '/' } };
}

export const isIpLiteral = (host: string) => isIP(host) !== 0;
