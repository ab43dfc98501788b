// SSLv2 support (guide: cap F; DROWN needs it). A SERVER-HELLO answer means supported; its
// cipher list may be empty (servers that speak SSLv2 but enable no SSLv2 cipher).
import { openConnection } from './connection.ts';
import { buildSsl2ClientHello, parseSsl2ServerHello } from './ssl2.ts';
import type { RawTarget } from './types.ts';

export async function probeSsl2(t: RawTarget, signal?: AbortSignal): Promise<{ supported: boolean; ciphers: string[] }> {
  const conn = await openConnection(t, signal, 64 * 1024);
  try {
    conn.write(buildSsl2ClientHello());
    let data = Buffer.alloc(0);
    for (;;) {
      const chunk = await conn.read();
      if (!chunk) return { supported: false, ciphers: [] };
      data = Buffer.concat([data, chunk]);
      const parsed = parseSsl2ServerHello(data);
      if (parsed.kind === 'server_hello') return { supported: true, ciphers: parsed.ciphers };
      if (parsed.kind === 'not_ssl2') return { supported: false, ciphers: [] };
    }
  } finally {
    conn.close();
    signal?.throwIfAborted();
  }
}
