import { describe, expect, it } from 'vitest';
import { getCiphers } from 'node:tls';
import { cipherSuites, describeSuite, suiteByName, suiteHex } from '../../../probes/tls/cipher-suites.ts';
import { cipherSuiteFacts } from '../../../probes/tls/cipher-suites.data.ts';

describe('cipher suite table', () => {
  it('describes every registry row it holds', () => {
    expect(cipherSuites.size).toBe(cipherSuiteFacts.length);
    expect(cipherSuites.size).toBeGreaterThan(330);
  });

  it.each([
    [0x000a, { kx: 'RSA', auth: 'RSA', enc: '3DES_EDE_CBC', bits: 112, blockBits: 64, fs: false, aead: false }],
    [0x0005, { rc4: true, bits: 128, blockBits: 0, openssl: 'RC4-SHA' }],
    [0x0003, { export: true, bits: 40, rc4: true }],
    [0x0014, { kx: 'DHE', export: true, bits: 40, fs: true }],
    [0x0062, { export: true, bits: 56 }],
    [0x0000, { null: true, bits: 0, anon: true }],
    [0x003b, { null: true, bits: 0, anon: false }],
    [0x0018, { kx: 'DH', auth: 'anon', anon: true, fs: false }],
    [0xc017, { kx: 'ECDH', auth: 'anon', anon: true }],
    [0x0009, { enc: 'DES_CBC', bits: 56, blockBits: 64 }],
    [0x0007, { enc: 'IDEA_CBC', bits: 128, blockBits: 64 }],
    [0x0096, { enc: 'SEED_CBC', bits: 128, blockBits: 128 }],
    [0xc02f, { kx: 'ECDHE', auth: 'RSA', enc: 'AES_128_GCM', bits: 128, aead: true, fs: true }],
    [0xc02c, { kx: 'ECDHE', auth: 'ECDSA', bits: 256, aead: true }],
    [0xcca8, { enc: 'CHACHA20_POLY1305', bits: 256, aead: true, fs: true }],
    [0xc0ae, { enc: 'AES_128_CCM_8', aead: true }],
    [0xc061, { enc: 'ARIA_256_GCM', bits: 256, aead: true }],
    [0x0045, { enc: 'CAMELLIA_128_CBC', aead: false, fs: true }],
    [0x009c, { kx: 'RSA', aead: true, fs: false }],
    [0x1301, { kx: 'TLS13', auth: 'TLS13', tls13: true, aead: true, fs: true, bits: 128 }],
    [0x1303, { tls13: true, bits: 256, enc: 'CHACHA20_POLY1305' }],
  ] as const)('suite %s has the registry facts', (code, facts) => {
    expect(cipherSuites.get(code)).toMatchObject(facts);
  });

  it('finds suites by IANA and OpenSSL names, case-insensitively', () => {
    expect(suiteByName('ECDHE-RSA-AES128-GCM-SHA256')?.code).toBe(0xc02f);
    expect(suiteByName('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')?.code).toBe(0xc02f);
    expect(suiteByName('des-cbc3-sha')?.code).toBe(0x000a);
    expect(suiteByName('TLS_AES_256_GCM_SHA384')?.code).toBe(0x1302);
    expect(suiteByName('NOT-A-SUITE')).toBeUndefined();
  });

  it('knows every cipher name Node reports', () => {
    expect(getCiphers().filter((n) => !suiteByName(n))).toEqual([]);
  });

  it('rejects names outside the grammar and formats codes', () => {
    expect(describeSuite(1, 'TLS_FOO_WITH_AES_128_GCM_SHA256')).toBeUndefined();
    expect(describeSuite(1, 'garbage')).toBeUndefined();
    expect(suiteHex(0xc02f)).toBe('0xC02F');
    expect(suiteHex(0x0a)).toBe('0x000A');
  });
});
