// The TLS probe (issue 4): `probeTls(target, options, signal)` → evidence and a grade following
// the SSL Labs rating guide (../../../shared/tls-rating.md). Pure: no DB, queue or config; what
// the target does comes back as a value (graded, no_https or a classified error).
import { rootCertificates } from 'node:tls';
import { protocolOrder, type ProtocolName, type TlsFacts, type Tri } from './facts.ts';
import { rateTls } from './rate.ts';
import type { TlsProbeError, TlsProbeOptions, TlsResult } from './result.ts';
import type { ConnectError } from './scan/connect-error.ts';
import { isIpLiteral, locate, type Located } from './scan/endpoint.ts';
import type { Endpoint } from './scan/handshake.ts';
import { scanNode, type NodeScan } from './scan/scan-node.ts';
import { scanRaw, type RawScan } from './scan/scan-raw.ts';
import { simulateRawClients } from './scan/simulate-clients.ts';

export type TlsTarget = { url: string };

// Issue 4: "no HTTPS" = the port refuses, times out or does not speak TLS (raw layer included).
const noHttpsClasses = new Set(['connection_refused', 'connect_timeout', 'handshake_timeout', 'not_tls', 'connection_reset']);
// Failures after which an SSLv2/SSLv3-only or odd server may still answer a raw ClientHello.
const worthRawRetry = new Set(['connection_reset', 'rejected', 'handshake_timeout']);

function endpointOf(l: Located, o: TlsProbeOptions): Endpoint {
  const name = o.servername ?? l.host;
  return { ip: l.ip, port: l.port, hostname: name, ...(isIpLiteral(name) ? {} : { servername: name }), allowPrivate: o.allowPrivate, timeoutMs: o.timeoutMs ?? 5000 };
}

/** RFC 5746 servers refuse legacy renegotiation and TLS 1.3 has none; otherwise it is not probed. */
function insecureRenegotiation(f: Pick<TlsFacts, 'secureRenegotiation' | 'protocols'>): Tri {
  if (f.secureRenegotiation === 'supported') return 'no';
  return f.protocols.length > 0 && f.protocols.every((p) => p === 'TLSv1.3') ? 'no' : 'unknown';
}

function buildFacts(node: NodeScan, raw: RawScan | null, rawClients: TlsFacts['clients']): TlsFacts {
  const protocols = [...new Set<ProtocolName>([...node.protocols, ...(raw?.protocols ?? [])])].sort((a, b) => protocolOrder.indexOf(a) - protocolOrder.indexOf(b));
  const base = {
    protocols,
    protocolsTested: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3', ...(raw?.tested ?? [])] as ProtocolName[],
    // Per version: node:tls suites in server order, then those only the raw layer could offer.
    suites: [...node.suites, ...(raw?.suites ?? [])].sort((a, b) => protocolOrder.indexOf(a.protocol) - protocolOrder.indexOf(b.protocol)),
    legacySuitesTested: raw !== null,
    serverPreference: node.serverPreference,
    cert: node.cert, ephemeral: node.ephemeral, hsts: node.hsts,
    secureRenegotiation: raw?.secureRenegotiation ?? 'unknown',
    compression: raw?.compression ?? 'unknown',
    heartbleed: raw?.heartbleed ?? 'unknown',
    clients: [...(node.client ? [node.client] : []), ...(rawClients ?? [])],
  } as const;
  return { ...base, insecureRenegotiation: insecureRenegotiation(base) };
}

function failure(errors: readonly ConnectError[]): { outcome: 'no_https' | 'error'; error: TlsProbeError } {
  const first = errors[0] ?? { class: 'other', code: 'UNKNOWN' };
  const denied = errors.find((e) => e.class === 'egress_denied');
  if (denied) return { outcome: 'error', error: { class: 'egress_denied', detail: denied.code } };
  if (errors.every((e) => noHttpsClasses.has(e.class))) return { outcome: 'no_https', error: { class: first.class, detail: first.code } };
  return { outcome: 'error', error: { class: 'no_common_protocol', detail: errors.map((e) => e.code).join(', ') } };
}

export async function probeTls(target: TlsTarget, options: TlsProbeOptions, signal?: AbortSignal): Promise<TlsResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const loc = await locate(target.url, options.allowPrivate, options.timeoutMs ?? 5000, signal);
  if (!loc.ok) return { outcome: 'error', error: loc.error, durationMs: ms() };
  const ep = endpointOf(loc.value, options);
  const info = { host: loc.value.host, port: ep.port, ip: ep.ip, ...(ep.servername ? { servername: ep.servername } : {}) };
  const settings = { roots: [...rootCertificates, ...(options.extraCa ?? [])], limit: options.maxConnectionsPerHost ?? 8, path: loc.value.path, nowMs: (options.now ?? Date.now)() };
  const node = await scanNode(ep, settings, signal);
  const useRaw = (options.raw ?? true) && (node.protocols.length > 0 || node.errors.some((e) => worthRawRetry.has(e.class)));
  const rawTarget = { host: ep.ip, port: ep.port, ...(ep.servername ? { servername: ep.servername } : {}), allowPrivate: ep.allowPrivate, timeoutMs: ep.timeoutMs };
  const raw = useRaw ? await scanRaw(rawTarget, node.protocols, signal) : null;
  // Client simulation only against a server that speaks some version: a stalled one would cost
  // one timeout per profile.
  const speaks = node.protocols.length > 0 || (raw?.protocols.length ?? 0) > 0;
  const rawClients = raw && speaks ? await simulateRawClients(rawTarget, signal) : null;
  if (signal?.aborted) return { outcome: 'error', error: { class: 'aborted', detail: String(signal.reason) }, durationMs: ms() };
  const facts = buildFacts(node, raw, rawClients);
  if (facts.protocols.length === 0) return { ...info, ...failure(node.errors), durationMs: ms() };
  const rating = rateTls(facts);
  return { ...info, outcome: 'graded', grade: rating.grade, rating, facts, protocols: facts.protocols, suites: facts.suites, durationMs: ms() };
}
