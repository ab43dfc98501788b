// Fetches the issuer named in a certificate's AIA "CA Issuers" URL (DER or PEM), through the
// egress policy, so a chain missing its intermediate can still be judged (guide: cap B, not T).
import { X509Certificate } from 'node:crypto';
import { resolveAllowed } from '../../egress/policy.ts';
import { httpGet } from './http-get.ts';

export function caIssuersUrl(cert: X509Certificate): string | undefined {
  return /CA Issuers - URI:(\S+)/.exec(cert.infoAccess ?? '')?.[1];
}

export async function fetchIssuer(url: string, allowPrivate: boolean, timeoutMs: number, signal?: AbortSignal): Promise<X509Certificate | null> {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const ip = await resolveAllowed(u.hostname, { allowPrivate }).then((a) => a[0], () => undefined);
  if (!ip) return null;
  const tls = u.protocol === 'https:';
  const r = await httpGet({
    ip, port: Number(u.port || (tls ? 443 : 80)), tls, hostHeader: u.host, servername: u.hostname,
    path: `${u.pathname}${u.search}`, allowPrivate, timeoutMs, maxBytes: 64 * 1024,
  }, signal);
  if (!r.ok || r.status !== 200) return null;
  try { return new X509Certificate(r.body); } catch { return null; }
}
