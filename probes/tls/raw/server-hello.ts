// Parses a ServerHello body (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3), HelloRetryRequest included.
import { extensionTypes } from './types.ts';

export type ServerHello = {
  /** legacy_version as sent. */
  legacyVersion: number;
  /** The negotiated version: supported_versions when present (TLS 1.3), else legacyVersion. */
  version: number;
  suite: number;
  compression: number;
  extensions: ReadonlyMap<number, Buffer>;
  helloRetryRequest: boolean;
};

// RFC 8446 §4.1.3: a HelloRetryRequest is a ServerHello with this SHA-256("HelloRetryRequest") random.
const hrrRandom = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

function parseExtensions(data: Buffer): Map<number, Buffer> | null {
  const map = new Map<number, Buffer>();
  let at = 0;
  while (at + 4 <= data.length) {
    const type = data.readUInt16BE(at);
    const length = data.readUInt16BE(at + 2);
    if (at + 4 + length > data.length) return null;
    map.set(type, data.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return at === data.length ? map : null;
}

/** null when the body is truncated or malformed. */
export function parseServerHello(body: Buffer): ServerHello | null {
  if (body.length < 38) return null;
  const legacyVersion = body.readUInt16BE(0);
  const sessionIdLength = body.readUInt8(34);
  let at = 35 + sessionIdLength;
  if (body.length < at + 3) return null;
  const suite = body.readUInt16BE(at);
  const compression = body.readUInt8(at + 2);
  at += 3;
  let extensions = new Map<number, Buffer>();
  if (body.length >= at + 2) {
    const length = body.readUInt16BE(at);
    const parsed = body.length >= at + 2 + length ? parseExtensions(body.subarray(at + 2, at + 2 + length)) : null;
    if (!parsed) return null;
    extensions = parsed;
  }
  const sv = extensions.get(extensionTypes.supportedVersions);
  const version = sv && sv.length === 2 ? sv.readUInt16BE(0) : legacyVersion;
  const helloRetryRequest = body.subarray(2, 34).equals(hrrRandom);
  return { legacyVersion, version, suite, compression, extensions, helloRetryRequest };
}
