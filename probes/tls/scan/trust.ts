// Trust of the served chain: one handshake with Node's Mozilla roots (plus any extra CA) as the
// only trust store — the roots cost ~20 ms CPU, so only this handshake carries them. When the
// issuer is missing, the intermediate from the leaf's AIA URL is added and trust re-checked.
import type { SecureVersion } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { CertFacts } from '../facts.ts';
import { handshake, type Endpoint } from './handshake.ts';
import { caIssuersUrl, fetchIssuer } from './aia.ts';

export type TrustFacts = Pick<CertFacts, 'trusted' | 'trustError' | 'chainComplete' | 'aiaFetched'>;

const missingIssuer = new Set(['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT']);

export async function checkTrust(
  ep: Endpoint, version: SecureVersion, roots: readonly string[], leaf: X509Certificate, signal?: AbortSignal,
): Promise<TrustFacts> {
  const spec = { minVersion: version, maxVersion: version };
  const r = await handshake(ep, { ...spec, ca: roots }, signal);
  if (!r.ok) return { trusted: false, trustError: `handshake ${r.error.class}`, chainComplete: true, aiaFetched: false };
  if (r.authorized) return { trusted: true, chainComplete: true, aiaFetched: false };
  const err = r.authorizationError ?? 'UNKNOWN';
  const url = missingIssuer.has(err) ? caIssuersUrl(leaf) : undefined;
  if (!url) return { trusted: false, trustError: err, chainComplete: true, aiaFetched: false };
  const issuer = await fetchIssuer(url, ep.allowPrivate, ep.timeoutMs, signal);
  if (!issuer || !leaf.checkIssued(issuer)) return { trusted: false, trustError: err, chainComplete: true, aiaFetched: false };
  const again = await handshake(ep, { ...spec, ca: [...roots, issuer.toString()] }, signal);
  if (again.ok && again.authorized) return { trusted: true, chainComplete: false, aiaFetched: true };
  const err2 = again.ok ? (again.authorizationError ?? err) : err;
  // Still untrusted with the AIA issuer: the missing piece is not (only) the intermediate.
  return { trusted: false, trustError: err2, chainComplete: true, aiaFetched: true };
}
