// Shared types and protocol constants of the raw (hand-built ClientHello) layer.
export type RawTarget = { host: string; port: number; servername?: string; allowPrivate: boolean; timeoutMs: number };
export type RawVersion = 'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2';
export type RecordVersion = Exclude<RawVersion, 'SSLv2'>;
export type AnyTlsVersion = RecordVersion | 'TLSv1.3';

/** Wire values of protocol versions (RFC 8446 §4.2.1 and its predecessors). */
export const versionCodes = {
  SSLv3: 0x0300, TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303, 'TLSv1.3': 0x0304,
} as const satisfies Record<AnyTlsVersion, number>;

export function versionName(code: number): AnyTlsVersion | undefined {
  for (const [name, value] of Object.entries(versionCodes)) if (value === code) return name as AnyTlsVersion;
  return undefined;
}

export const contentTypes = { changeCipherSpec: 20, alert: 21, handshake: 22, applicationData: 23, heartbeat: 24 } as const;
export const handshakeTypes = { clientHello: 1, serverHello: 2, certificate: 11, serverKeyExchange: 12, serverHelloDone: 14 } as const;

export const extensionTypes = {
  serverName: 0x0000, supportedGroups: 0x000a, ecPointFormats: 0x000b, signatureAlgorithms: 0x000d,
  heartbeat: 0x000f, padding: 0x0015, supportedVersions: 0x002b, keyShare: 0x0033, renegotiationInfo: 0xff01,
} as const;

/** Named groups (IANA TLS Supported Groups registry). */
export const groups = {
  secp192r1: 19, secp224r1: 21, secp256k1: 22, secp256r1: 23, secp384r1: 24, secp521r1: 25, x25519: 29, x448: 30,
  ffdhe2048: 256, ffdhe3072: 257, ffdhe4096: 258,
} as const;
