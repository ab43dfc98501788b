// What the scanner offers besides the suites under test: every common group and signature
// algorithm (SHA-1 ones included, so that old servers still answer), secure renegotiation.
import { cipherSuites } from '../cipher-suites.ts';
import type { HelloOptions } from './client-hello.ts';
import { groups, versionCodes, type RawTarget, type RecordVersion } from './types.ts';

export const scanGroups: readonly number[] = [
  groups.x25519, groups.secp256r1, groups.secp384r1, groups.secp521r1, groups.x448, groups.secp256k1,
  groups.secp224r1, groups.secp192r1, groups.ffdhe2048, groups.ffdhe3072, groups.ffdhe4096,
];

// TLS SignatureScheme values: ECDSA, RSA-PSS, EdDSA, RSA PKCS#1, then SHA-224 and SHA-1 forms and DSA.
export const scanSigalgs: readonly number[] = [
  0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0807, 0x0808,
  0x0401, 0x0501, 0x0601, 0x0303, 0x0301, 0x0302, 0x0203, 0x0201, 0x0202, 0x0402, 0x0502, 0x0602,
];

/** Every suite of the table that can be negotiated below TLS 1.3, in table order. */
export const legacySuites: readonly number[] = [...cipherSuites.values()].filter((s) => !s.tls13).map((s) => s.code);

export function scanHello(t: RawTarget, version: RecordVersion, suites: readonly number[]): HelloOptions {
  return {
    version: versionCodes[version], suites, servername: t.servername ?? t.host,
    groups: scanGroups, sigalgs: scanSigalgs, renegotiationInfo: true,
  };
}
