// The cipher suite table: every suite in cipher-suites.data.ts (IANA registry facts + OpenSSL
// names) with the properties the rating needs. Properties are read from the IANA name, whose
// grammar is regular: TLS_<kx>[_<auth>][_EXPORT[1024]]_WITH_<cipher>_<mac>, or TLS_<aead>_<hash>
// for TLS 1.3. Bits are effective symmetric strength as the SSL Labs guide counts them
// (3DES = 112, DES = 56, EXPORT = 40, NULL = 0).
import { cipherSuiteFacts } from './cipher-suites.data.ts';

export type KeyExchange = 'RSA' | 'DH' | 'DHE' | 'ECDH' | 'ECDHE' | 'PSK' | 'SRP' | 'KRB5' | 'NULL' | 'TLS13';
export type Authentication = 'RSA' | 'DSS' | 'ECDSA' | 'anon' | 'PSK' | 'NULL' | 'TLS13';

export type CipherSuite = {
  code: number; iana: string; openssl?: string; kx: KeyExchange; auth: Authentication;
  enc: string; bits: number; blockBits: number; aead: boolean; fs: boolean; export: boolean;
  anon: boolean; rc4: boolean; null: boolean; tls13: boolean;
};

/** Signalling values that travel in the suite list but are not suites (RFC 5746, RFC 7507). */
export const EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
export const FALLBACK_SCSV = 0x5600;

type KxAuth = { kx: KeyExchange; auth: Authentication; fs?: boolean };

// The part before _WITH_, export markers removed. KRB5 and SRP authenticate outside X.509; the
// contract's auth union has no value for them, so they count as 'NULL' (not anonymous).
const kxTable: Readonly<Record<string, KxAuth>> = {
  NULL: { kx: 'NULL', auth: 'NULL' },
  RSA: { kx: 'RSA', auth: 'RSA' },
  DH_DSS: { kx: 'DH', auth: 'DSS' }, DH_RSA: { kx: 'DH', auth: 'RSA' }, DH_anon: { kx: 'DH', auth: 'anon' },
  DHE_DSS: { kx: 'DHE', auth: 'DSS' }, DHE_RSA: { kx: 'DHE', auth: 'RSA' },
  DHE_PSK: { kx: 'DHE', auth: 'PSK' }, PSK_DHE: { kx: 'DHE', auth: 'PSK' },
  ECDH_ECDSA: { kx: 'ECDH', auth: 'ECDSA' }, ECDH_RSA: { kx: 'ECDH', auth: 'RSA' }, ECDH_anon: { kx: 'ECDH', auth: 'anon' },
  ECDHE_ECDSA: { kx: 'ECDHE', auth: 'ECDSA' }, ECDHE_RSA: { kx: 'ECDHE', auth: 'RSA' }, ECDHE_PSK: { kx: 'ECDHE', auth: 'PSK' },
  PSK: { kx: 'PSK', auth: 'PSK' }, RSA_PSK: { kx: 'PSK', auth: 'RSA' },
  KRB5: { kx: 'KRB5', auth: 'NULL' },
  SRP_SHA: { kx: 'SRP', auth: 'NULL' }, SRP_SHA_RSA: { kx: 'SRP', auth: 'RSA' }, SRP_SHA_DSS: { kx: 'SRP', auth: 'DSS' },
  // RFC 8492: password-authenticated ephemeral ECDH.
  ECCPWD: { kx: 'ECDHE', auth: 'PSK' },
};

type CipherFacts = { enc: string; bits: number; blockBits: number; aead: boolean };

/** Symmetric cipher facts from the cipher part of the name (MAC already removed). */
export function cipherFacts(enc: string): CipherFacts {
  const aead = /GCM|CCM|POLY1305/.test(enc);
  const sized = /^(AES|CAMELLIA|ARIA)_(128|256)_/.exec(enc);
  if (sized) return { enc, bits: Number(sized[2]), blockBits: 128, aead };
  if (enc === 'NULL') return { enc, bits: 0, blockBits: 0, aead: false };
  if (enc.startsWith('CHACHA20')) return { enc, bits: 256, blockBits: 0, aead: true };
  if (enc.startsWith('SM4') || enc.startsWith('SEED')) return { enc, bits: 128, blockBits: 128, aead };
  if (enc.startsWith('3DES')) return { enc, bits: 112, blockBits: 64, aead: false };
  if (enc.startsWith('IDEA')) return { enc, bits: 128, blockBits: 64, aead: false };
  const small = /(40|56|64|128)/.exec(enc);
  const bits = enc.startsWith('DES40') || enc.endsWith('_40') ? 40 : Number(small?.[1] ?? 56);
  if (enc.startsWith('RC4')) return { enc, bits, blockBits: 0, aead: false };
  return { enc, bits, blockBits: 64, aead: false }; // DES, RC2
}

function tls13Suite(code: number, iana: string): Omit<CipherSuite, 'openssl'> {
  // TLS_AES_128_GCM_SHA256, TLS_SM4_GCM_SM3; RFC 9150's TLS_SHA256_SHA256 is integrity-only.
  const enc = iana.replace(/^TLS_/, '').replace(/_(SHA256|SHA384|SM3)$/, '');
  const f = /^SHA(256|384)$/.test(enc) ? cipherFacts('NULL') : cipherFacts(enc);
  return { code, iana, kx: 'TLS13', auth: 'TLS13', ...f, fs: true, export: false, anon: false,
    rc4: false, null: f.bits === 0, tls13: true };
}

/** Derives a suite's properties from its IANA name; undefined if the name is not of the grammar. */
export function describeSuite(code: number, iana: string, openssl?: string): CipherSuite | undefined {
  const name = iana.replace(/^OLD_/, '');
  const m = /^TLS_(.+?)_WITH_(.+?)(?:_(MD5|SHA|SHA256|SHA384|NULL))?$/.exec(name);
  if (!m) {
    if (!/^TLS_[A-Z0-9_]+$/.test(name)) return undefined;
    const s = tls13Suite(code, iana);
    return openssl ? { ...s, openssl } : s;
  }
  const [, rawKx = '', enc = ''] = m;
  const exported = /_EXPORT(1024)?$/.test(rawKx) || /EXPORT/.test(enc);
  const ka = kxTable[rawKx.replace(/_EXPORT(1024)?$/, '')];
  if (!ka) return undefined;
  const f = cipherFacts(enc);
  const bits = exported && rawKx.endsWith('EXPORT') ? Math.min(f.bits, 40) : f.bits;
  return {
    code, iana, ...(openssl ? { openssl } : {}), kx: ka.kx, auth: ka.auth, ...f, bits,
    fs: ka.kx === 'DHE' || ka.kx === 'ECDHE', export: exported, anon: ka.auth === 'anon' || ka.kx === 'NULL',
    rc4: enc.startsWith('RC4'), null: f.bits === 0, tls13: false,
  };
}

function buildTable(): ReadonlyMap<number, CipherSuite> {
  const table = new Map<number, CipherSuite>();
  for (const [code, iana, openssl] of cipherSuiteFacts) {
    const suite = describeSuite(code, iana, openssl);
    if (suite) table.set(code, suite);
  }
  return table;
}

export const cipherSuites: ReadonlyMap<number, CipherSuite> = buildTable();

function buildNameIndex(): ReadonlyMap<string, CipherSuite> {
  const index = new Map<string, CipherSuite>();
  for (const s of cipherSuites.values()) {
    index.set(s.iana.toUpperCase(), s);
    if (s.openssl) index.set(s.openssl.toUpperCase(), s);
  }
  return index;
}

const byName = buildNameIndex();

/** Looks a suite up by IANA name (getCipher().standardName) or OpenSSL name (getCipher().name). */
export function suiteByName(name: string): CipherSuite | undefined {
  return byName.get(name.trim().toUpperCase());
}

/** The 2-byte code as the registry writes it, e.g. 0xC02F → '0xC02F'. */
export function suiteHex(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
