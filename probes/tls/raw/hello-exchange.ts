// Sends one ClientHello and reads the server's answer up to ServerHello (or ServerHelloDone),
// turning every other ending into a classified outcome.
import { openConnection, type EndReason, type RawConnection } from './connection.ts';
import { RecordReader, type TlsEvent } from './records.ts';
import { parseServerHello, type ServerHello } from './server-hello.ts';
import { handshakeTypes, type RawTarget } from './types.ts';

export type HelloOutcome =
  | { kind: 'server_hello'; hello: ServerHello; done: boolean }
  | { kind: 'alert'; level: number; description: number }
  | { kind: 'invalid'; reason: string }
  | { kind: 'ended'; reason: EndReason };

export type StopAt = 'server_hello' | 'server_hello_done';

/** A conversation over one connection: the reader is kept so callers can continue (Heartbleed). */
export type Conversation = { conn: RawConnection; reader: RecordReader; backlog: TlsEvent[] };

/** Next TLS event, or the connection's end reason. */
export async function nextEvent(c: Conversation): Promise<TlsEvent | { kind: 'ended'; reason: EndReason }> {
  while (c.backlog.length === 0) {
    const chunk = await c.conn.read();
    if (!chunk) return { kind: 'ended', reason: c.conn.endReason ?? 'closed' };
    c.backlog.push(...c.reader.feed(chunk));
  }
  return c.backlog.shift()!;
}

/** Reads until ServerHello (and, with stopAt 'server_hello_done', until ServerHelloDone). */
export async function readServerHello(c: Conversation, stopAt: StopAt): Promise<HelloOutcome> {
  let hello: ServerHello | null = null;
  for (;;) {
    const ev = await nextEvent(c);
    // Warning alerts (e.g. unrecognized_name, sent by some servers before ServerHello) are not
    // the end of the handshake; close_notify and fatal alerts are.
    if (ev.kind === 'alert' && ev.level === 1 && ev.description !== 0) continue;
    if (ev.kind === 'alert' || ev.kind === 'invalid') return ev;
    if (ev.kind === 'ended') return hello ? { kind: 'server_hello', hello, done: false } : ev;
    if (ev.kind !== 'handshake') {
      if (hello) return { kind: 'server_hello', hello, done: false }; // e.g. TLS 1.3 encrypted records
      return { kind: 'invalid', reason: `record type ${ev.kind === 'record' ? ev.contentType : ev.kind} before ServerHello` };
    }
    if (!hello) {
      if (ev.type !== handshakeTypes.serverHello) return { kind: 'invalid', reason: `handshake type ${ev.type} before ServerHello` };
      hello = parseServerHello(ev.body);
      if (!hello) return { kind: 'invalid', reason: 'malformed ServerHello' };
      if (stopAt === 'server_hello') return { kind: 'server_hello', hello, done: false };
    } else if (ev.type === handshakeTypes.serverHelloDone) {
      return { kind: 'server_hello', hello, done: true };
    }
  }
}

/** Opens a connection, sends `hello`, returns the outcome and the still-open conversation. */
export async function startHello(t: RawTarget, hello: Buffer, stopAt: StopAt, signal?: AbortSignal): Promise<{ outcome: HelloOutcome; conversation: Conversation }> {
  const conn = await openConnection(t, signal);
  const conversation: Conversation = { conn, reader: new RecordReader(), backlog: [] };
  if (conn.endReason) return { outcome: { kind: 'ended', reason: conn.endReason }, conversation };
  conn.write(hello);
  const outcome = await readServerHello(conversation, stopAt);
  return { outcome, conversation };
}

/** One ClientHello, one answer, socket closed. Throws only for egress refusal or abort. */
export async function exchangeHello(t: RawTarget, hello: Buffer, signal?: AbortSignal, stopAt: StopAt = 'server_hello'): Promise<HelloOutcome> {
  const { outcome, conversation } = await startHello(t, hello, stopAt, signal);
  conversation.conn.close();
  signal?.throwIfAborted();
  return outcome;
}
