// Every suite node:tls can offer, enumerated per accepted version by offering one suite per
// handshake over parallel connections (at most `limit` at a time per host).
import { getCiphers, type SecureVersion } from 'node:tls';
import type { EphemeralKeyInfo } from 'node:tls';
import type { ProtocolName } from '../facts.ts';
import { handshake, type Endpoint } from './handshake.ts';
import { runLimited } from './run-limited.ts';
import { tls12Only } from './suite-fact.ts';

const all = getCiphers().map((n) => n.toUpperCase());
// PSK and SRP suites need a shared secret the scanner does not have.
const classic = all.filter((n) => !n.startsWith('TLS_') && !/PSK|SRP/.test(n));
const tls13 = all.filter((n) => n.startsWith('TLS_'));

export type VersionSuites = { version: ProtocolName; accepted: string[]; ephemeral: Partial<EphemeralKeyInfo>[] };

export function candidates(v: SecureVersion): string[] {
  if (v === 'TLSv1.3') return tls13;
  return v === 'TLSv1.2' ? classic : classic.filter((n) => !tls12Only(n));
}

/** The OpenSSL list that offers exactly `name` (TLS 1.3 names need a non-empty TLS 1.2 list beside them). */
export function offerOnly(v: SecureVersion, names: readonly string[]): string {
  return v === 'TLSv1.3' ? `${names.join(':')}:ALL` : names.join(':');
}

/** All versions share one pool, so the per-host limit holds across the whole enumeration. */
export async function enumerateVersions(ep: Endpoint, versions: readonly SecureVersion[], limit: number, signal?: AbortSignal): Promise<VersionSuites[]> {
  const jobs = versions.flatMap((v) => candidates(v).map((name) => ({ v, name })));
  const results = await runLimited(jobs, limit, async ({ v, name }) => {
    const r = await handshake(ep, { minVersion: v, maxVersion: v, ciphers: offerOnly(v, [name]) }, signal);
    return r.ok ? { v, name: r.cipher.standardName || name, ephemeral: r.ephemeral } : null;
  });
  return versions.map((v) => {
    const ok = results.filter((r) => r !== null && r.v === v).map((r) => r!);
    return { version: v, accepted: ok.map((r) => r.name), ephemeral: ok.map((r) => r.ephemeral) };
  });
}
