// The scan's pure readers on literal input: HSTS header, certificate signature algorithm from the
// DER, connection error classes, the key and cipher tables of the guide, and the rule registry.
import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { parseHsts } from '../../../probes/tls/scan/hsts.ts';
import { signatureAlgorithm } from '../../../probes/tls/scan/signature-algorithm.ts';
import { classifyConnectError } from '../../../probes/tls/scan/connect-error.ts';
import { addEphemeral, noEphemeral } from '../../../probes/tls/scan/ephemeral.ts';
import { cipherPoints, ecKeyPoints, finiteFieldKeyPoints, protocolScore, scoreLetter } from '../../../probes/tls/scores.ts';
import { tlsRules } from '../../../probes/tls/rules/index.ts';
import { issue } from '../../fixtures/tls/pki.ts';

describe('parseHsts', () => {
  it.each([
    [undefined, { status: 'absent' }],
    ['max-age=31536000; includeSubDomains; preload', { status: 'present', maxAgeS: 31536000, includeSubDomains: true, preload: true }],
    ['MAX-AGE="15552000"', { status: 'present', maxAgeS: 15552000, includeSubDomains: false }],
    ['includeSubDomains', { status: 'invalid' }],
    ['max-age=abc', { status: 'invalid' }],
    ['max-age=1; max-age=2', { status: 'invalid' }],
  ] as const)('%s', (header, expected) => {
    expect(parseHsts(header)).toMatchObject(expected);
  });
});

describe('signatureAlgorithm from the DER', () => {
  it('reads SHA-256 and SHA-1 RSA signatures and survives garbage', () => {
    const sha256 = new X509Certificate(issue({ cn: 'a.test', rsaBits: 1024 }).certPem);
    const sha1 = new X509Certificate(issue({ cn: 'b.test', rsaBits: 1024, hash: 'sha1' }).certPem);
    expect(signatureAlgorithm(sha256.raw)).toEqual({ name: 'sha256WithRSAEncryption', hash: 'sha256' });
    expect(signatureAlgorithm(sha1.raw)).toEqual({ name: 'sha1WithRSAEncryption', hash: 'sha1' });
    expect(signatureAlgorithm(Buffer.from('not a certificate'))).toEqual({ name: 'unparsable', hash: 'unknown' });
  });
});

describe('classifyConnectError', () => {
  it.each([
    ['ECONNREFUSED', 'connection_refused'], ['ENOTFOUND', 'dns_failure'], ['EGRESS_DENIED', 'egress_denied'],
    ['CONNECT_TIMEOUT', 'connect_timeout'], ['HANDSHAKE_TIMEOUT', 'handshake_timeout'], ['ECONNRESET', 'connection_reset'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'not_tls'], ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'rejected'], ['EWHATEVER', 'other'],
  ])('%s → %s', (code, cls) => {
    expect(classifyConnectError(Object.assign(new Error('x'), { code })).class).toBe(cls);
  });
});

describe('the guide tables', () => {
  it('rates protocols, keys and ciphers as the guide says', () => {
    expect(protocolScore(['TLSv1', 'TLSv1.3'])).toBe(95);
    expect(protocolScore(['SSLv3'])).toBe(80);
    expect(protocolScore([])).toBe(0);
    expect([511, 512, 1023, 1024, 2047, 2048, 4095, 4096].map(finiteFieldKeyPoints)).toEqual([20, 40, 40, 80, 80, 90, 90, 100]);
    expect([109, 110, 122, 123, 162, 163, 224, 225, 256].map(ecKeyPoints)).toEqual([20, 40, 40, 80, 80, 90, 90, 100, 100]);
    expect([0, 40, 112, 127, 128, 255, 256].map(cipherPoints)).toEqual([0, 20, 20, 20, 80, 80, 100]);
    expect([80, 79.9, 65, 50, 35, 20, 19.9].map(scoreLetter)).toEqual(['A', 'B', 'B', 'C', 'D', 'E', 'F']);
  });

  it('keeps the weakest ephemeral key of each kind, sizing hybrid groups by their classical half', () => {
    const e = [{ type: 'ECDH', name: 'prime256v1', size: 256 }, { type: 'TLSGroup', name: 'X25519MLKEM768' }, { type: 'DH', size: 2048 }, { type: 'DH', size: 1024 }]
      .reduce(addEphemeral, noEphemeral);
    expect(e).toEqual({ dhBits: 1024, ecdhBits: 253, ecdhCurve: 'X25519MLKEM768' });
  });
});

describe('the rule registry', () => {
  it('has unique kebab-case ids, a cap on every cap rule and bilingual text', () => {
    const ids = tlsRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of tlsRules) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.kind === 'cap' ? r.cap : 'none').toBeTruthy();
      expect(r.message.fa && r.message.en && r.advice.fa && r.advice.en).toBeTruthy();
    }
  });
});
