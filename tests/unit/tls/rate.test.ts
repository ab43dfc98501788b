// The rater on literal facts: one table row per clause of the guide (2009r).
import { describe, expect, it } from 'vitest';
import { rateTls } from '../../../probes/tls/rate.ts';
import type { TlsFacts } from '../../../probes/tls/facts.ts';
import type { TlsGradeSymbol } from '../../../probes/tls/grade.ts';
import { client, gcm128, modernFacts, suite, tls13 } from './modern-facts.ts';

const base = modernFacts();
const baseCert = base.cert!;
const cert = (o: Partial<TlsFacts['cert']>) => ({ cert: { ...baseCert, ...o } });
const rsaKx = suite('TLS_RSA_WITH_AES_128_GCM_SHA256', { kx: 'RSA', fs: false });
const cbc = suite('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', { aead: false, cbc: true });
const des3 = suite('TLS_RSA_WITH_3DES_EDE_CBC_SHA', { kx: 'RSA', bits: 112, blockBits: 64, fs: false, aead: false, cbc: true });
const rc4 = suite('TLS_RSA_WITH_RC4_128_SHA', { kx: 'RSA', bits: 128, blockBits: 0, fs: false, aead: false, rc4: true });

type Row = [clause: string, over: Partial<TlsFacts>, grade: TlsGradeSymbol, rules: string[]];
const rows: Row[] = [
  ['modern with HSTS ≥ 180 days → A+', {}, 'A+', []],
  ['no HSTS leaves A', { hsts: { status: 'absent' } }, 'A', []],
  ['HSTS max-age < 180 days → A-', { hsts: { status: 'present', header: 'max-age=300', maxAgeS: 300, includeSubDomains: false, preload: false } }, 'A-', ['warn-hsts-weak']],
  ['invalid HSTS → A-', { hsts: { status: 'invalid', header: 'max-age=abc' } }, 'A-', ['warn-hsts-weak']],
  ['no TLS 1.3 → A-', { protocols: ['TLSv1.2'], suites: [gcm128], clients: [client('Chrome', gcm128)] }, 'A-', ['warn-no-tls13']],
  ['secure renegotiation unsupported → A-', { secureRenegotiation: 'unsupported' }, 'A-', ['warn-no-secure-renegotiation']],
  ['hostname mismatch → M', cert({ hostnameMatch: false }), 'M', ['mismatch-hostname']],
  ['expired → T', cert({ expired: true, trusted: false, trustError: 'CERT_HAS_EXPIRED' }), 'T', ['trust-expired', 'trust-untrusted-chain']],
  ['not yet valid → T', cert({ notYetValid: true, trusted: false }), 'T', ['trust-not-yet-valid', 'trust-untrusted-chain']],
  ['self-signed → T', cert({ selfSigned: true, trusted: false }), 'T', ['trust-self-signed', 'trust-untrusted-chain']],
  ['unknown CA → T', cert({ trusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }), 'T', ['trust-untrusted-chain']],
  ['SHA-1 leaf → T', cert({ signatureHash: 'sha1', signatureAlgorithm: 'sha1WithRSAEncryption' }), 'T', ['trust-sha1-leaf']],
  ['SSLv2 → F', { protocols: ['SSLv2', 'TLSv1.2', 'TLSv1.3'] }, 'F', ['cap-f-sslv2', 'cap-f-drown']],
  ['SSLv3 best → F', { protocols: ['SSLv3'], suites: [{ ...rc4, protocol: 'SSLv3' }], clients: [] }, 'F', ['cap-f-sslv3-best', 'cap-b-sslv3', 'cap-c-no-tls12', 'cap-f-rc4-only', 'cap-b-rc4', 'warn-no-tls13']],
  ['insecure renegotiation → F', { insecureRenegotiation: 'yes' }, 'F', ['cap-f-insecure-renegotiation']],
  ['RSA key < 1024 → F', cert({ keyBits: 768 }), 'F', ['cap-f-key-under-1024', 'cap-b-weak-key']],
  ['DH < 1024 → F', { ephemeral: { dhBits: 768, ecdhBits: 253, ecdhCurve: 'X25519' } }, 'F', ['cap-f-key-under-1024', 'cap-b-weak-key']],
  ['MD5 signature → F', cert({ signatureHash: 'md5', signatureAlgorithm: 'md5WithRSAEncryption' }), 'F', ['cap-f-md-signature']],
  ['RC4 only → F', { protocols: ['TLSv1.2'], suites: [rc4], clients: [client('Chrome', rc4)] }, 'F', ['cap-f-rc4-only', 'cap-b-rc4', 'cap-c-rc4-tls11', 'cap-b-no-aead', 'cap-b-no-forward-secrecy', 'warn-no-tls13']],
  ['export suite → F', { suites: [...base.suites, suite('TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', { bits: 40, export: true, fs: false })] }, 'F', ['cap-f-export-suites', 'cap-f-cipher-under-112']],
  ['DES (56 bits) → F', { suites: [...base.suites, suite('TLS_RSA_WITH_DES_CBC_SHA', { bits: 56, blockBits: 64, fs: false })] }, 'F', ['cap-f-cipher-under-112']],
  ['NULL cipher → F', { suites: [...base.suites, suite('TLS_RSA_WITH_NULL_SHA256', { bits: 0, null: true, fs: false })] }, 'F', ['cap-f-null-cipher', 'cap-f-cipher-under-112']],
  ['RSA exponent 1 → F', cert({ rsaExponent: 1 }), 'F', ['cap-f-rsa-exponent-1']],
  ['Heartbleed → F', { heartbleed: 'yes' }, 'F', ['cap-f-heartbleed']],
  ['no TLS 1.2/1.3 → C', { protocols: ['TLSv1', 'TLSv1.1'], suites: [suite('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', { protocol: 'TLSv1', aead: false, cbc: true })], clients: [] }, 'C', ['cap-c-no-tls12', 'cap-b-legacy-protocols', 'warn-no-tls13']],
  ['compression → C', { compression: 'yes' }, 'C', ['cap-c-compression']],
  ['POODLE (SSLv3 + CBC) → C', { protocols: ['SSLv3', 'TLSv1.2', 'TLSv1.3'], suites: [...base.suites, suite('TLS_RSA_WITH_AES_128_CBC_SHA', { protocol: 'SSLv3', cbc: true, aead: false, fs: false })] }, 'C', ['cap-c-poodle-ssl3', 'cap-b-sslv3']],
  ['RC4 with TLS 1.1+ → C', { suites: [...base.suites, rc4] }, 'C', ['cap-c-rc4-tls11', 'cap-b-rc4']],
  ['3DES negotiated with TLS 1.2 → C', { suites: [...base.suites, des3], clients: [client('IE 11', des3, { modern: false })] }, 'C', ['cap-c-3des-tls11']],
  ['3DES accepted but never negotiated does not cap', { suites: [...base.suites, des3] }, 'A+', []],
  ['TLS 1.0/1.1 → B', { protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] }, 'B', ['cap-b-legacy-protocols']],
  ['RSA 1024 → B', cert({ keyBits: 1024 }), 'B', ['cap-b-weak-key']],
  ['DH 1024 → B', { ephemeral: { dhBits: 1024, ecdhBits: null, ecdhCurve: null } }, 'B', ['cap-b-weak-key']],
  ['incomplete chain → B', cert({ chainComplete: false, aiaFetched: true }), 'B', ['cap-b-incomplete-chain']],
  ['no FS with modern clients → B', { suites: [...base.suites, rsaKx], clients: [client('Chrome', rsaKx)] }, 'B', ['cap-b-no-forward-secrecy']],
  ['non-FS suite no modern client gets does not cap', { suites: [...base.suites, rsaKx], clients: [client('Chrome', tls13), client('Java 6', rsaKx, { modern: false })] }, 'A+', []],
  ['no AEAD with modern clients → B', { suites: [...base.suites, cbc], clients: [client('Chrome', cbc)] }, 'B', ['cap-b-no-aead']],
  ['ECDSA P-256 → A+', cert({ keyType: 'EC', keyBits: 256, curve: 'prime256v1', rsaExponent: undefined }), 'A+', []],
  ['no certificate (SSLv3-only server) → F, certificate rules not tested', { cert: null, protocols: ['SSLv3'], suites: [{ ...rc4, protocol: 'SSLv3' }], clients: [] }, 'F', ['cap-f-sslv3-best', 'cap-b-sslv3', 'cap-c-no-tls12', 'cap-f-rc4-only', 'cap-b-rc4', 'warn-no-tls13']],
  ['anonymous suite → F by score', { suites: [...base.suites, suite('TLS_DH_anon_WITH_AES_128_GCM_SHA256', { anon: true, kx: 'DH' })] }, 'F', []],
];

describe('rateTls on literal facts', () => {
  it('scores a modern RSA-2048 server 93 and lists unchecked clauses as not tested', () => {
    const r = rateTls(modernFacts());
    expect(r.scores).toEqual({ protocol: 100, keyExchange: 90, cipher: 90, total: 93 });
    expect(r.notTested.map((n) => n.id)).toEqual(expect.arrayContaining(['cap-f-robot', 'cap-f-ccs-injection', 'trust-revocation', 'cap-f-drown']));
    expect(r.advice).toEqual([]);
  });

  it('gives the grade if trust issues are ignored and advice for the next grade', () => {
    const r = rateTls(modernFacts({ protocols: ['TLSv1', 'TLSv1.2', 'TLSv1.3'], cert: { ...baseCert, expired: true, trusted: false } }));
    expect(r.grade).toBe('T');
    expect(r.gradeIgnoringTrust).toBe('B');
    expect(r.advice.map((a) => a.en)).toContain('Renew the certificate');
    const b = rateTls(modernFacts({ protocols: ['TLSv1', 'TLSv1.2', 'TLSv1.3'] }));
    expect(b.advice.map((a) => a.en)).toEqual(['Disable TLS 1.0 and TLS 1.1']);
    expect(rateTls(modernFacts({ hsts: { status: 'absent' } })).advice.map((a) => a.en)).toEqual(['Send Strict-Transport-Security with max-age ≥ 15552000']);
  });

  it('reports a throwing rule as an error for that rule alone', () => {
    const broken = { id: 'broken', kind: 'cap', cap: 'C', clause: 'x', needs: [], message: { fa: '', en: '' }, advice: { fa: '', en: '' },
      evaluate: () => { throw new Error('boom'); } } as const;
    const r = rateTls(modernFacts(), [broken]);
    expect(r.ruleErrors).toEqual([{ id: 'broken', message: 'boom' }]);
    expect(r.grade).toBe('A+');
  });

  it.each(rows)('%s', (_clause, over, grade, rules) => {
    const r = rateTls(modernFacts(over));
    expect(r.grade).toBe(grade);
    expect(r.findings.map((f) => f.id).sort()).toEqual([...rules].sort());
    expect(r.ruleErrors).toEqual([]);
  });
});
