// One bounded TCP connection to the target through the egress policy: a deadline for the whole
// conversation, a cap on bytes read, and the socket destroyed on every path. What the server does
// (refuse, reset, stall, close) becomes an end reason; only an egress refusal throws.
import { connect, type Socket } from 'node:net';
import { checkConnectedSocket, EgressDeniedError, guardedLookup } from '../../egress/policy.ts';
import type { RawTarget } from './types.ts';

export type EndReason = 'closed' | 'reset' | 'refused' | 'timeout' | 'too_large' | 'error' | 'aborted';

export type RawConnection = {
  write(data: Buffer): void;
  /** The next chunk, or null once the connection has ended (see endReason). */
  read(): Promise<Buffer | null>;
  readonly endReason: EndReason | null;
  close(): void;
};

const defaultMaxBytes = 256 * 1024;

function classify(err: NodeJS.ErrnoException): EndReason {
  if (err.code === 'ECONNREFUSED') return 'refused';
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return 'reset';
  return 'error';
}

class Connection implements RawConnection {
  endReason: EndReason | null = null;
  denied: EgressDeniedError | null = null;
  readonly #socket: Socket;
  readonly #chunks: Buffer[] = [];
  #waiter: (() => void) | null = null;
  #bytes = 0;

  constructor(socket: Socket, maxBytes: number) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#bytes += chunk.length;
      if (this.#bytes > maxBytes) return this.end('too_large');
      this.#chunks.push(chunk);
      this.#wake();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof EgressDeniedError) this.denied = err;
      this.end(classify(err));
    });
    socket.on('close', () => this.end('closed'));
  }

  end(reason: EndReason): void {
    this.endReason ??= reason;
    this.#socket.destroy();
    this.#wake();
  }

  #wake(): void {
    const w = this.#waiter;
    this.#waiter = null;
    w?.();
  }

  write(data: Buffer): void {
    if (!this.endReason) this.#socket.write(data);
  }

  async read(): Promise<Buffer | null> {
    while (this.#chunks.length === 0 && !this.endReason) {
      await new Promise<void>((resolve) => { this.#waiter = resolve; });
    }
    return this.#chunks.shift() ?? null;
  }

  close(): void {
    this.end('closed');
  }
}

/**
 * Connects and resolves once connected (or ended). Throws EgressDeniedError when the policy
 * refuses the address; everything else is reported through endReason.
 */
export async function openConnection(t: RawTarget, signal?: AbortSignal, maxBytes = defaultMaxBytes): Promise<RawConnection> {
  const policy = { allowPrivate: t.allowPrivate };
  const socket = connect({ host: t.host, port: t.port, lookup: guardedLookup(policy) });
  const conn = new Connection(socket, maxBytes);
  const timer = setTimeout(() => conn.end('timeout'), t.timeoutMs);
  const onAbort = () => conn.end('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) conn.end('aborted');
  socket.once('close', () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  });
  await new Promise<void>((resolve) => {
    socket.once('connect', resolve);
    socket.once('close', resolve);
  });
  if (conn.denied) throw conn.denied;
  try {
    if (!conn.endReason) checkConnectedSocket(socket, policy);
  } catch (err) {
    conn.end('error');
    throw err;
  }
  return conn;
}
