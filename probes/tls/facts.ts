// The facts a TLS scan establishes about one endpoint: the only input of the rules and the
// rater (probes/tls/rate.ts). Every field that a check could not establish says so ('unknown'
// or null), so a rule can report "not tested" instead of silently passing.
export type ProtocolName = 'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const protocolOrder: readonly ProtocolName[] = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** One accepted cipher suite at one protocol version. */
export type SuiteFact = {
  name: string;                 // IANA name when known, else the OpenSSL name
  protocol: ProtocolName;
  kx: string;                   // 'ECDHE' | 'DHE' | 'RSA' | 'TLS13' | ...
  bits: number;                 // effective symmetric key bits: 3DES 112, NULL 0, EXPORT 40
  blockBits: number;            // 64 for 3DES/DES/IDEA, 128 for AES, 0 for stream/AEAD-stream
  fs: boolean;
  aead: boolean;
  rc4: boolean;
  export: boolean;
  null: boolean;
  anon: boolean;
  cbc: boolean;
};

export type KeyType = 'RSA' | 'EC' | 'DSA' | 'Ed25519' | 'Ed448' | 'unknown';

export type CertFacts = {
  subject: string;
  issuer: string;
  sans: string[];
  notBefore: string;            // ISO 8601
  notAfter: string;
  keyType: KeyType;
  keyBits: number;
  curve?: string;
  rsaExponent?: number;
  signatureAlgorithm: string;   // e.g. 'sha256WithRSAEncryption', parsed from the DER
  signatureHash: 'md2' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'none' | 'unknown';
  selfSigned: boolean;
  expired: boolean;
  notYetValid: boolean;
  hostnameMatch: boolean;
  trusted: boolean;             // chain verifies to a trusted root (after an AIA fetch if needed)
  trustError?: string;          // OpenSSL's verify code, e.g. 'CERT_HAS_EXPIRED'
  chainComplete: boolean;       // the server sent every intermediate needed
  aiaFetched: boolean;          // an intermediate was fetched from the leaf's AIA URL
};

/** The ephemeral key exchange seen in handshakes: the weakest of each kind. */
export type EphemeralFacts = { dhBits: number | null; ecdhBits: number | null; ecdhCurve: string | null };

export type HstsFacts =
  | { status: 'absent' }
  | { status: 'invalid'; header: string }
  | { status: 'present'; header: string; maxAgeS: number; includeSubDomains: boolean; preload: boolean }
  | { status: 'unknown'; reason: string };

/** What one simulated client negotiated (from the raw ClientHello layer or node:tls). */
export type ClientOutcome = {
  client: string;
  modern: boolean;
  ok: boolean;
  protocol?: ProtocolName;
  suite?: SuiteFact;
};

export type Tri = 'yes' | 'no' | 'unknown';

export type TlsFacts = {
  protocols: readonly ProtocolName[];            // accepted versions
  protocolsTested: readonly ProtocolName[];      // versions the scan could test at all
  suites: readonly SuiteFact[];
  legacySuitesTested: boolean;                    // RC4/3DES/DES/EXPORT/NULL were offered (raw layer)
  serverPreference: boolean | 'unknown';
  cert: CertFacts | null;                         // null: no handshake completed with node:tls
  ephemeral: EphemeralFacts;
  hsts: HstsFacts;
  secureRenegotiation: 'supported' | 'unsupported' | 'unknown';
  insecureRenegotiation: Tri;                     // the server renegotiates without RFC 5746
  compression: Tri;
  heartbleed: Tri;
  clients: readonly ClientOutcome[] | null;       // null: no client simulation ran
};
export type FactName = keyof TlsFacts;
