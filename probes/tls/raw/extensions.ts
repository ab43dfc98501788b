// ClientHello extension encoders (RFC 6066, 8422, 5246 §7.4.1.4.1, 6520, 5746, 8446 §4.2, 7685).
import { isIP } from 'node:net';
import { extensionTypes } from './types.ts';

export type KeyShare = { group: number; key: Buffer };

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n, 0);
  return b;
}

function vector16(body: Buffer): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

function list16(values: readonly number[]): Buffer {
  return Buffer.concat(values.map(u16));
}

export function extension(type: number, data: Buffer): Buffer {
  return Buffer.concat([u16(type), vector16(data)]);
}

/** SNI carries DNS names only: RFC 6066 §3 forbids IP literals. */
export function serverNameExtension(name: string): Buffer | null {
  if (!name || isIP(name.replace(/^\[|\]$/g, ''))) return null;
  const host = Buffer.from(name, 'ascii');
  const entry = Buffer.concat([Buffer.from([0]), vector16(host)]);
  return extension(extensionTypes.serverName, vector16(entry));
}

export function supportedGroupsExtension(groups: readonly number[]): Buffer {
  return extension(extensionTypes.supportedGroups, vector16(list16(groups)));
}

/** Uncompressed points only, plus the two deprecated compressed forms old servers expect. */
export function ecPointFormatsExtension(): Buffer {
  return extension(extensionTypes.ecPointFormats, Buffer.from([3, 0, 1, 2]));
}

export function signatureAlgorithmsExtension(sigalgs: readonly number[]): Buffer {
  return extension(extensionTypes.signatureAlgorithms, vector16(list16(sigalgs)));
}

/** Mode 1 = peer_allowed_to_send: the server may send us heartbeat requests. */
export function heartbeatExtension(): Buffer {
  return extension(extensionTypes.heartbeat, Buffer.from([1]));
}

/** An initial handshake carries an empty renegotiated_connection. */
export function renegotiationInfoExtension(): Buffer {
  return extension(extensionTypes.renegotiationInfo, Buffer.from([0]));
}

export function supportedVersionsExtension(versions: readonly number[]): Buffer {
  const list = list16(versions);
  return extension(extensionTypes.supportedVersions, Buffer.concat([Buffer.from([list.length]), list]));
}

export function keyShareExtension(shares: readonly KeyShare[]): Buffer {
  const entries = shares.map((s) => Buffer.concat([u16(s.group), vector16(s.key)]));
  return extension(extensionTypes.keyShare, vector16(Buffer.concat(entries)));
}

export function paddingExtension(bytes: number): Buffer {
  return extension(extensionTypes.padding, Buffer.alloc(Math.max(0, bytes)));
}
