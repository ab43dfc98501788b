// Turns a suite name (IANA or OpenSSL, as node:tls or the raw layer reports it) into the facts
// the rules read, from TLS-raw's IANA-based table.
import { suiteByName, type CipherSuite } from '../cipher-suites.ts';
import type { ProtocolName, SuiteFact } from '../facts.ts';

export function factOf(s: CipherSuite, protocol: ProtocolName): SuiteFact {
  return {
    name: s.iana, protocol, kx: s.kx, bits: s.bits, blockBits: s.blockBits, fs: s.fs, aead: s.aead,
    rc4: s.rc4, export: s.export, null: s.null, anon: s.anon, cbc: /_CBC/.test(s.enc),
  };
}

export function suiteFact(name: string, protocol: ProtocolName): SuiteFact | undefined {
  const s = suiteByName(name);
  return s ? factOf(s, protocol) : undefined;
}

/** Suites that exist only from TLS 1.2 on (AEAD, SHA-256/384 MACs): not worth offering below it. */
export function tls12Only(name: string): boolean {
  const s = suiteByName(name);
  return s ? s.aead || /_SHA(256|384)$/.test(s.iana) : false;
}
