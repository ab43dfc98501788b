// HSTS from the first HTTPS response (RFC 6797 §6.1): max-age is required, directives are
// case-insensitive, values may be quoted. Only the headers are needed, so the body is capped.
import type { HstsFacts } from '../facts.ts';
import type { Endpoint } from './handshake.ts';
import { httpGet } from './http-get.ts';

export function parseHsts(header: string | undefined): HstsFacts {
  if (header === undefined) return { status: 'absent' };
  const directives = header.split(';').map((d) => d.trim()).filter(Boolean);
  const maxAge = directives.map((d) => /^max-age\s*=\s*"?(\d+)"?$/i.exec(d)?.[1]).filter((v) => v !== undefined);
  const maxAgeNames = directives.filter((d) => /^max-age\b/i.test(d));
  if (maxAge.length !== 1 || maxAgeNames.length !== 1) return { status: 'invalid', header };
  return {
    status: 'present', header, maxAgeS: Number(maxAge[0]),
    includeSubDomains: directives.some((d) => /^includesubdomains$/i.test(d)),
    preload: directives.some((d) => /^preload$/i.test(d)),
  };
}

export async function fetchHsts(ep: Endpoint, path: string, signal?: AbortSignal): Promise<HstsFacts> {
  const r = await httpGet({
    ip: ep.ip, port: ep.port, tls: true, hostHeader: ep.port === 443 ? ep.hostname : `${ep.hostname}:${ep.port}`,
    ...(ep.servername ? { servername: ep.servername } : {}), path, allowPrivate: ep.allowPrivate,
    timeoutMs: ep.timeoutMs, maxBytes: 1024,
  }, signal);
  if (!r.ok) return { status: 'unknown', reason: r.error.class };
  const h = r.headers['strict-transport-security'];
  return parseHsts(Array.isArray(h) ? h.join(', ') : h);
}
