// Everything node:tls can establish about one endpoint: versions TLS 1.0–1.3, suites and the
// server's order, ephemeral keys, the certificate and its trust, HSTS, and what a stock Node 24
// client negotiates (the built-in modern client of the FS/AEAD caps).
import type { SecureVersion } from 'node:tls';
import { protocolOrder, type CertFacts, type ClientOutcome, type EphemeralFacts, type HstsFacts, type ProtocolName, type SuiteFact } from '../facts.ts';
import type { ConnectError } from './connect-error.ts';
import { handshake, type Endpoint, type HandshakeOk } from './handshake.ts';
import { probeNodeVersions } from './protocols.ts';
import { enumerateVersions } from './suites.ts';
import { serverPreference } from './preference.ts';
import { addEphemeral, noEphemeral } from './ephemeral.ts';
import { suiteFact } from './suite-fact.ts';
import { leafFacts } from './certificate.ts';
import { checkTrust } from './trust.ts';
import { fetchHsts } from './hsts.ts';

export type NodeScan = {
  protocols: ProtocolName[]; suites: SuiteFact[]; serverPreference: boolean | 'unknown';
  ephemeral: EphemeralFacts; cert: CertFacts | null; hsts: HstsFacts; client: ClientOutcome | null;
  errors: ConnectError[];
};
export type ScanSettings = { roots: readonly string[]; limit: number; path: string; nowMs: number };

export const nodeClientName = 'Node 24 (OpenSSL 3)';

async function nodeClient(ep: Endpoint, signal?: AbortSignal): Promise<ClientOutcome> {
  const r = await handshake(ep, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', nodeDefaults: true }, signal);
  if (!r.ok) return { client: nodeClientName, modern: true, ok: false };
  const protocol = r.protocol as ProtocolName;
  const suite = suiteFact(r.cipher.standardName, protocol);
  return { client: nodeClientName, modern: true, ok: true, protocol, ...(suite ? { suite } : {}) };
}

async function orderedSuites(ep: Endpoint, v: SecureVersion, accepted: string[], signal?: AbortSignal) {
  const pref = v === 'TLSv1.3' ? { serverOrder: 'unknown' as const, order: accepted } : await serverPreference(ep, v, accepted, signal);
  const facts = pref.order.map((n) => suiteFact(n, v)).filter((s): s is SuiteFact => s !== undefined);
  return { serverOrder: pref.serverOrder, facts };
}

async function certificate(ep: Endpoint, best: HandshakeOk, v: SecureVersion, s: ScanSettings, signal?: AbortSignal): Promise<CertFacts | null> {
  if (!best.leaf) return null;
  const trust = await checkTrust(ep, v, s.roots, best.leaf, signal);
  return { ...leafFacts(best.leaf, ep.servername ?? ep.hostname, s.nowMs), ...trust };
}

export async function scanNode(ep: Endpoint, s: ScanSettings, signal?: AbortSignal): Promise<NodeScan> {
  const probes = await probeNodeVersions(ep, signal);
  const okProbes = probes.filter((p) => p.result.ok);
  const errors = probes.flatMap((p) => (p.result.ok ? [] : [p.result.error]));
  const empty = { protocols: [], suites: [], serverPreference: 'unknown' as const, ephemeral: noEphemeral, cert: null, hsts: { status: 'unknown' as const, reason: 'no TLS handshake' }, client: null, errors };
  const best = okProbes.at(-1);
  if (!best || !best.result.ok) return empty;
  const versions = okProbes.map((p) => p.version as SecureVersion);
  const [enumerated, cert, hsts, client] = await Promise.all([
    enumerateVersions(ep, versions, s.limit, signal),
    certificate(ep, best.result, best.version as SecureVersion, s, signal),
    fetchHsts(ep, s.path, signal),
    nodeClient(ep, signal),
  ]);
  const ordered = await Promise.all(enumerated.map((e) => orderedSuites(ep, e.version as SecureVersion, e.accepted, signal)));
  const prefVersion = ordered.findLast((_, i) => enumerated[i]?.version !== 'TLSv1.3');
  const ephemeral = [...okProbes.map((p) => (p.result as HandshakeOk).ephemeral), ...enumerated.flatMap((e) => e.ephemeral)].reduce(addEphemeral, noEphemeral);
  const protocols = versions.map((v) => v as ProtocolName).sort((a, b) => protocolOrder.indexOf(a) - protocolOrder.indexOf(b));
  return { protocols, suites: ordered.flatMap((o) => o.facts), serverPreference: prefVersion?.serverOrder ?? 'unknown', ephemeral, cert, hsts, client, errors };
}
