// Hand-written facts of a modern server (A+): the baseline each rater table row changes.
import type { ClientOutcome, SuiteFact, TlsFacts } from '../../../probes/tls/facts.ts';

export function suite(name: string, over: Partial<SuiteFact> = {}): SuiteFact {
  return { name, protocol: 'TLSv1.2', kx: 'ECDHE', bits: 128, blockBits: 128, fs: true, aead: true,
    rc4: false, export: false, null: false, anon: false, cbc: false, ...over };
}

export const gcm128 = suite('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
export const gcm256 = suite('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', { bits: 256 });
export const tls13 = suite('TLS_AES_256_GCM_SHA384', { protocol: 'TLSv1.3', kx: 'TLS13', bits: 256 });

export function client(name: string, s: SuiteFact, over: Partial<ClientOutcome> = {}): ClientOutcome {
  return { client: name, modern: true, ok: true, protocol: s.protocol, suite: s, ...over };
}

export function modernFacts(over: Partial<TlsFacts> = {}): TlsFacts {
  return {
    protocols: ['TLSv1.2', 'TLSv1.3'],
    protocolsTested: ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
    suites: [gcm128, gcm256, tls13],
    legacySuitesTested: true,
    serverPreference: true,
    cert: {
      subject: 'CN=example.ir', issuer: 'CN=Test CA', sans: ['example.ir'],
      notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z',
      keyType: 'RSA', keyBits: 2048, rsaExponent: 65537,
      signatureAlgorithm: 'sha256WithRSAEncryption', signatureHash: 'sha256',
      selfSigned: false, expired: false, notYetValid: false, hostnameMatch: true, trusted: true, chainComplete: true, aiaFetched: false,
    },
    ephemeral: { dhBits: null, ecdhBits: 253, ecdhCurve: 'X25519' },
    hsts: { status: 'present', header: 'max-age=31536000', maxAgeS: 31536000, includeSubDomains: false, preload: false },
    secureRenegotiation: 'supported',
    insecureRenegotiation: 'no',
    compression: 'no',
    heartbleed: 'no',
    clients: [client('Chrome', tls13), client('Java 8', gcm128, { modern: false })],
    ...over,
  };
}
