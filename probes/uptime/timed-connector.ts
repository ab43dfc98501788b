// The connector of every hop: undici's own buildConnector with the egress policy's guarded DNS
// lookup, a connect timeout covering DNS + TCP + TLS, extra trusted CAs, and no TLS session
// reuse; wrapped to stamp the phase marks on the HopClock and to check the address actually
// connected to (an IP literal skips the lookup, so this is the guard that always runs).
import { rootCertificates } from 'node:tls';
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { checkConnectedSocket, guardedLookup, type EgressPolicy } from '../egress/policy.ts';
import type { HopClock } from './hop-clock.ts';

export type ConnectorOptions = {
  readonly policy: EgressPolicy;
  readonly connectTimeoutMs: number;
  readonly extraCa?: readonly string[];
};

// undici's connector returns the socket it creates, though its .d.ts says void.
type SocketConnector = (opts: buildConnector.Options, cb: buildConnector.Callback) => Socket;

export function timedConnector(clock: HopClock, mono: () => number, o: ConnectorOptions): buildConnector.connector {
  const base = buildConnector({
    timeout: o.connectTimeoutMs,
    lookup: guardedLookup(o.policy),
    maxCachedSessions: 0,
    ...(o.extraCa?.length ? { ca: [...rootCertificates, ...o.extraCa] } : {}),
  }) as unknown as SocketConnector;
  return (opts, callback) => {
    const socket = base(opts, (err, sock) => {
      if (err || !sock) return callback(err ?? new Error('no socket'), null);
      try {
        checkConnectedSocket(sock, o.policy);
      } catch (denied) {
        sock.destroy();
        return callback(denied as Error, null);
      }
      // undici's own 'connect'/'secureConnect' listener (registered before ours) calls us and
      // then sets up its parser, which can take milliseconds: stamp the handshake end here, so
      // that time is not counted in connectMs or tlsMs.
      const t = mono();
      if (clock.https) clock.secureAt ??= t;
      else clock.connectAt ??= t;
      clock.readyAt = t;
      callback(null, sock);
    });
    socket.once('lookup', (err: Error | null) => { if (!err) clock.dnsAt = mono(); });
    socket.once('connect', () => { clock.connectAt ??= mono(); });
    socket.once('secureConnect', () => { clock.secureAt ??= mono(); });
  };
}
