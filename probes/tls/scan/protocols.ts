// Which of TLS 1.0–1.3 the server accepts, one node:tls handshake per version (min = max). The
// legacy versions only connect with '@SECLEVEL=0', which the handshake primitive always adds.
import type { SecureVersion } from 'node:tls';
import type { ProtocolName } from '../facts.ts';
import { handshake, type Endpoint, type HandshakeResult } from './handshake.ts';

export const nodeVersions: readonly SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export type VersionProbe = { version: ProtocolName; result: HandshakeResult };

export function probeNodeVersions(ep: Endpoint, signal?: AbortSignal): Promise<VersionProbe[]> {
  return Promise.all(nodeVersions.map(async (v) => ({ version: v, result: await handshake(ep, { minVersion: v, maxVersion: v }, signal) })));
}
