// Handshake simulation: each profile's ClientHello as the real client sends it, and the version
// and suite the server picks for it. The guide's FS, AEAD and 3DES caps read these, not the list
// of merely accepted suites. For TLS 1.3 the ServerHello (or HelloRetryRequest) already names the
// suite, so no handshake is completed.
import { createECDH, generateKeyPairSync } from 'node:crypto';
import { buildClientHello, type HelloOptions } from './client-hello.ts';
import { exchangeHello } from './hello-exchange.ts';
import { scanSigalgs } from './hello-defaults.ts';
import type { ClientProfile } from './client-profiles.ts';
import type { KeyShare } from './extensions.ts';
import { groups, versionCodes, versionName, type AnyTlsVersion, type RawTarget } from './types.ts';
import { cipherSuites } from '../cipher-suites.ts';

export type Negotiated = { client: string; modern: boolean; ok: boolean; version?: AnyTlsVersion; suite?: number; error?: string };

const concurrency = 4;

function keyShare(offered: readonly number[]): KeyShare[] {
  if (offered.includes(groups.x25519)) {
    const jwk = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' });
    return [{ group: groups.x25519, key: Buffer.from(jwk.x ?? '', 'base64url') }];
  }
  if (offered.includes(groups.secp256r1)) return [{ group: groups.secp256r1, key: createECDH('prime256v1').generateKeys() }];
  return [];
}

export function profileHello(t: RawTarget, p: ClientProfile): HelloOptions {
  const codes = p.versions.map((v) => versionCodes[v]).sort((a, b) => b - a);
  const tls13 = codes[0] === versionCodes['TLSv1.3'];
  const suites = tls13 ? p.suites : p.suites.filter((c) => !cipherSuites.get(c)?.tls13);
  return {
    version: tls13 ? versionCodes['TLSv1.2'] : (codes[0] ?? versionCodes['TLSv1.2']),
    suites, servername: t.servername ?? t.host, groups: p.groups, sigalgs: p.sigalgs ?? scanSigalgs,
    renegotiationInfo: true,
    ...(tls13 ? { supportedVersions: codes, keyShares: keyShare(p.groups) } : {}),
  };
}

async function simulate(t: RawTarget, p: ClientProfile, signal?: AbortSignal): Promise<Negotiated> {
  const base = { client: p.id, modern: p.modern };
  const hello = profileHello(t, p);
  const outcome = await exchangeHello(t, buildClientHello(hello), signal);
  if (outcome.kind === 'alert') return { ...base, ok: false, error: `alert_${outcome.description}` };
  if (outcome.kind === 'ended') return { ...base, ok: false, error: outcome.reason };
  if (outcome.kind === 'invalid') return { ...base, ok: false, error: 'invalid_response' };
  const version = versionName(outcome.hello.version);
  if (!version || !p.versions.includes(version)) return { ...base, ok: false, error: 'version_not_offered' };
  if (!hello.suites.includes(outcome.hello.suite)) return { ...base, ok: false, version, error: 'suite_not_offered' };
  return { ...base, ok: true, version, suite: outcome.hello.suite };
}

/** One connection per profile, at most `concurrency` at a time; results in profile order. */
export async function simulateClients(t: RawTarget, profiles: readonly ClientProfile[], signal?: AbortSignal): Promise<Negotiated[]> {
  const results: Negotiated[] = new Array(profiles.length);
  let next = 0;
  const worker = async () => {
    while (next < profiles.length) {
      const i = next++;
      results[i] = await simulate(t, profiles[i]!, signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, profiles.length) }, worker));
  return results;
}
