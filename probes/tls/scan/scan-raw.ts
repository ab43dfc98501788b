// What only a hand-written ClientHello can see (TLS-raw's layer): SSLv2/SSLv3, versions Node has
// no suite for, the legacy suites OpenSSL 3 will not offer (RC4, 3DES, DES, EXPORT, NULL, …),
// compression, secure renegotiation and Heartbleed. Each check that fails to run is 'unknown'.
import { getCiphers } from 'node:tls';
import { cipherSuites } from '../cipher-suites.ts';
import type { ProtocolName, SuiteFact, Tri } from '../facts.ts';
import {
  enumerateSuites, probeCompression, probeHeartbleed, probeSecureRenegotiation, probeSsl2, probeVersion,
  type RawTarget,
} from '../raw/index.ts';
import { factOf } from './suite-fact.ts';

export type RawScan = {
  protocols: ProtocolName[];          // SSLv2/SSLv3 and TLS versions confirmed only by the raw layer
  tested: ProtocolName[];
  suites: SuiteFact[];                // suites node:tls could not offer
  secureRenegotiation: 'supported' | 'unsupported' | 'unknown';
  compression: Tri; heartbleed: Tri;
};
type RawVersionName = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2';

const nodeNames = new Set(getCiphers().map((n) => n.toUpperCase()));
const nonTls13 = [...cipherSuites.values()].filter((s) => !s.tls13);
/** Suites node:tls cannot offer; for SSLv3 every pre-1.3 suite, as Node has no SSLv3 at all. */
const rawOnly = nonTls13.filter((s) => !s.openssl || !nodeNames.has(s.openssl)).map((s) => s.code);
const allLegacy = nonTls13.map((s) => s.code);

const settle = <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);

async function rawVersions(t: RawTarget, nodeAccepted: readonly ProtocolName[], signal?: AbortSignal) {
  const toConfirm = (['TLSv1', 'TLSv1.1', 'TLSv1.2'] as const).filter((v) => !nodeAccepted.includes(v));
  const [ssl2, ssl3, ...others] = await Promise.all([
    settle(probeSsl2(t, signal).then((r) => r.supported), null),
    settle(probeVersion(t, 'SSLv3', signal), null),
    ...toConfirm.map((v) => settle(probeVersion(t, v, signal), false)),
  ]);
  const protocols: ProtocolName[] = [];
  if (ssl2) protocols.push('SSLv2');
  if (ssl3) protocols.push('SSLv3');
  toConfirm.forEach((v, i) => { if (others[i]) protocols.push(v); });
  const tested: ProtocolName[] = [...(ssl2 === null ? [] : ['SSLv2' as const]), ...(ssl3 === null ? [] : ['SSLv3' as const])];
  return { protocols, tested };
}

async function rawSuites(t: RawTarget, versions: readonly RawVersionName[], signal?: AbortSignal): Promise<SuiteFact[]> {
  const lists = await Promise.all(versions.map(async (v) => {
    const e = await settle(enumerateSuites(t, v, v === 'SSLv3' ? allLegacy : rawOnly, signal), { accepted: [], serverOrder: 'unknown' as const });
    return e.accepted.map((code) => cipherSuites.get(code)).filter((s) => s !== undefined).map((s) => factOf(s, v));
  }));
  return lists.flat();
}

const tri = (v: boolean | null): Tri => (v === null ? 'unknown' : v ? 'yes' : 'no');
const heart = { vulnerable: 'yes', not_vulnerable: 'no', unknown: 'unknown' } as const;

export async function scanRaw(t: RawTarget, nodeAccepted: readonly ProtocolName[], signal?: AbortSignal): Promise<RawScan> {
  const versions = await rawVersions(t, nodeAccepted, signal);
  const all = [...versions.protocols, ...nodeAccepted];
  if (all.length === 0) {
    // Nothing speaks TLS here: the feature probes would only wait for more timeouts.
    return { ...versions, suites: [], secureRenegotiation: 'unknown', compression: 'unknown', heartbleed: 'unknown' };
  }
  const enumerable = (['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] as const).filter((v) => all.includes(v));
  const [suites, compression, secureRenegotiation, heartbleed] = await Promise.all([
    rawSuites(t, enumerable, signal),
    settle(probeCompression(t, signal), null),
    settle(probeSecureRenegotiation(t, signal), 'unknown' as const),
    settle(probeHeartbleed(t, signal), 'unknown' as const),
  ]);
  return { protocols: versions.protocols, tested: versions.tested, suites, secureRenegotiation, compression: tri(compression), heartbleed: heart[heartbleed] };
}
