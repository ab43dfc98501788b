// One node:tls handshake against an already resolved address: the primitive every scan step
// uses. The TCP socket is checked against the egress policy before the ClientHello is sent, the
// socket is always destroyed, and what the server did comes back as a value, never a throw.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type EphemeralKeyInfo, type SecureVersion } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { checkConnectedSocket } from '../../egress/policy.ts';
import { classifyConnectError, type ConnectError } from './connect-error.ts';

export type Endpoint = { ip: string; port: number; hostname: string; servername?: string; allowPrivate: boolean; timeoutMs: number };

export type HandshakeSpec = {
  minVersion: SecureVersion;
  maxVersion: SecureVersion;
  ciphers?: string;          // OpenSSL list; '@SECLEVEL=0' is appended so legacy servers are seen
  ca?: readonly string[];    // only on the handshake that checks trust (~20 ms CPU per use)
  nodeDefaults?: boolean;    // offer what a stock Node 24 client offers (the simulated modern client)
};

export type HandshakeOk = {
  ok: true; protocol: string; cipher: { name: string; standardName: string };
  ephemeral: Partial<EphemeralKeyInfo>; authorized: boolean; authorizationError?: string;
  leaf?: X509Certificate;
};
export type HandshakeResult = HandshakeOk | { ok: false; error: ConnectError };

function tcp(ep: Endpoint, signal?: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ host: ep.ip, port: ep.port, signal });
    const timer = setTimeout(() => s.destroy(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })), ep.timeoutMs);
    s.once('error', (e) => { clearTimeout(timer); reject(e); });
    s.once('connect', () => {
      clearTimeout(timer);
      try { checkConnectedSocket(s, { allowPrivate: ep.allowPrivate }); resolve(s); } catch (e) { s.destroy(); reject(e); }
    });
  });
}

function tlsOver(socket: Socket, ep: Endpoint, spec: HandshakeSpec): Promise<HandshakeOk> {
  return new Promise((resolve, reject) => {
    const t = tlsConnect({
      // Hostname is judged from the certificate (scan/certificate.ts); `authorized` is the chain only.
      socket, servername: ep.servername, rejectUnauthorized: false, checkServerIdentity: () => undefined,
      minVersion: spec.minVersion, maxVersion: spec.maxVersion,
      ...(spec.nodeDefaults ? {} : { ciphers: `${spec.ciphers ?? 'ALL:COMPLEMENTOFALL'}:@SECLEVEL=0` }),
      ...(spec.ca ? { ca: [...spec.ca] } : {}),
    });
    const timer = setTimeout(() => t.destroy(Object.assign(new Error('handshake timeout'), { code: 'HANDSHAKE_TIMEOUT' })), ep.timeoutMs);
    t.once('error', (e) => { clearTimeout(timer); t.destroy(); reject(e); });
    t.once('secureConnect', () => {
      clearTimeout(timer);
      const c = t.getCipher();
      const out: HandshakeOk = {
        ok: true, protocol: t.getProtocol() ?? 'unknown', cipher: { name: c.name, standardName: c.standardName },
        ephemeral: t.getEphemeralKeyInfo() ?? {}, authorized: t.authorized,
        ...(t.authorizationError ? { authorizationError: String(t.authorizationError) } : {}),
        leaf: t.getPeerX509Certificate(),
      };
      t.destroy();
      resolve(out);
    });
  });
}

export async function handshake(ep: Endpoint, spec: HandshakeSpec, signal?: AbortSignal): Promise<HandshakeResult> {
  let socket: Socket | undefined;
  try {
    socket = await tcp(ep, signal);
    return await tlsOver(socket, ep, spec);
  } catch (err) {
    socket?.destroy();
    return { ok: false, error: classifyConnectError(err) };
  }
}
