// Builds a ClientHello record byte by byte, so it can offer what OpenSSL 3 refuses to send:
// SSLv3, EXPORT/NULL/RC4/DES suites, DEFLATE compression, a heartbeat extension.
import { randomBytes } from 'node:crypto';
import { encodeHandshake, encodeRecord } from './records.ts';
import { contentTypes, handshakeTypes } from './types.ts';
import {
  ecPointFormatsExtension, heartbeatExtension, keyShareExtension, paddingExtension, renegotiationInfoExtension,
  serverNameExtension, signatureAlgorithmsExtension, supportedGroupsExtension, supportedVersionsExtension,
  type KeyShare,
} from './extensions.ts';

export type HelloOptions = {
  /** legacy_version of the ClientHello body, e.g. 0x0303. */
  version: number;
  suites: readonly number[];
  servername?: string;
  /** Compression methods; default [0] (null). 1 is DEFLATE. */
  compression?: readonly number[];
  groups?: readonly number[];
  /** Sent only when version ≥ TLS 1.2 or supportedVersions is set (RFC 5246 §7.4.1.4.1). */
  sigalgs?: readonly number[];
  renegotiationInfo?: boolean;
  heartbeat?: boolean;
  supportedVersions?: readonly number[];
  keyShares?: readonly KeyShare[];
  random?: Buffer;
};

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n, 0);
  return b;
}

function helloExtensions(o: HelloOptions): Buffer[] {
  const out: Buffer[] = [];
  const sni = o.servername ? serverNameExtension(o.servername) : null;
  if (sni) out.push(sni);
  if (o.groups?.length) out.push(supportedGroupsExtension(o.groups), ecPointFormatsExtension());
  const tls12 = o.version >= 0x0303 || (o.supportedVersions?.length ?? 0) > 0;
  if (o.sigalgs?.length && tls12) out.push(signatureAlgorithmsExtension(o.sigalgs));
  if (o.heartbeat) out.push(heartbeatExtension());
  if (o.supportedVersions?.length) out.push(supportedVersionsExtension(o.supportedVersions));
  if (o.keyShares?.length) out.push(keyShareExtension(o.keyShares));
  if (o.renegotiationInfo) out.push(renegotiationInfoExtension());
  return out;
}

function helloBody(o: HelloOptions, extensions: readonly Buffer[]): Buffer {
  const suites = Buffer.concat(o.suites.map(u16));
  const compression = Buffer.from(o.compression ?? [0]);
  const ext = Buffer.concat(extensions);
  return Buffer.concat([
    u16(o.version), o.random ?? randomBytes(32), Buffer.from([0]),
    u16(suites.length), suites, Buffer.from([compression.length]), compression,
    ...(ext.length ? [u16(ext.length), ext] : []),
  ]);
}

/** The ClientHello handshake message (no record header). */
export function encodeClientHello(o: HelloOptions): Buffer {
  const extensions = helloExtensions(o);
  let message = encodeHandshake(handshakeTypes.clientHello, helloBody(o, extensions));
  // Some TLS terminators hang on hellos of 256-511 bytes; RFC 7685 padding steps over the range.
  if (message.length >= 256 && message.length < 512) {
    const pad = paddingExtension(512 - message.length - 4 - (extensions.length === 0 ? 2 : 0));
    message = encodeHandshake(handshakeTypes.clientHello, helloBody(o, [...extensions, pad]));
  }
  return message;
}

/** The full record. The record layer says TLS 1.0 (SSLv3 for SSLv3 hellos), as real clients do. */
export function buildClientHello(o: HelloOptions): Buffer {
  const recordVersion = o.version <= 0x0300 ? 0x0300 : 0x0301;
  return encodeRecord(contentTypes.handshake, recordVersion, encodeClientHello(o));
}
