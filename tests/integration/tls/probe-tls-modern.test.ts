// probeTls against node:https servers on 127.0.0.1 with a private CA: the modern cases of issue 4.
// Each case asserts the grade and the rules that produced it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { probeTls } from '../../../probes/tls/probe-tls.ts';
import type { TlsResult } from '../../../probes/tls/result.ts';
import { dh1024Pem } from '../../fixtures/tls/dh1024.ts';
import { issue, issueEcdsa, type Issued } from '../../fixtures/tls/pki.ts';
import { startHttpServer, startHttpsServer, type Fixture } from '../../fixtures/tls/https-server.ts';

const host = 'portal.sanjeh.test';
const year = 'max-age=31536000; includeSubDomains';
const dayMs = 86_400_000;
let root: Issued;
let inter: Issued;
let leaf: Issued;
const open: Fixture[] = [];

beforeAll(() => {
  root = issue({ cn: 'Sanjeh Test Root', isCa: true });
  inter = issue({ cn: 'Sanjeh Test Intermediate', isCa: true, issuer: root });
  leaf = issue({ cn: host, sans: [host], issuer: inter });
});
afterAll(async () => { await Promise.all(open.map((f) => f.close())); });

async function serve(tls: Parameters<typeof startHttpsServer>[0], hsts?: string): Promise<Fixture> {
  const f = await startHttpsServer(tls, hsts);
  open.push(f);
  return f;
}
const chain = (l: Issued = leaf) => ({ key: l.keyPem, cert: l.certPem + inter.certPem });
const probe = (url: string, servername = host) => probeTls({ url }, { allowPrivate: true, servername, extraCa: [root.certPem], timeoutMs: 3000 });

function graded(r: TlsResult) {
  if (r.outcome !== 'graded') throw new Error(`expected a grade, got ${JSON.stringify(r)}`);
  return { grade: r.grade, ignoringTrust: r.rating.gradeIgnoringTrust, rules: r.rating.findings.map((f) => f.id).sort(), r };
}

describe('probeTls on modern node:tls servers', () => {
  it('TLS 1.2 + 1.3 with HSTS one year → A+', async () => {
    const f = await serve(chain(), year);
    const g = graded(await probe(f.url));
    expect(g.grade).toBe('A+');
    expect(g.rules).toEqual([]);
    expect(g.r.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(g.r.facts.cert?.trusted).toBe(true);
    expect(g.r.facts.serverPreference).toBe(true);
    expect(g.r.suites.some((s) => s.name === 'TLS_AES_256_GCM_SHA384' && s.protocol === 'TLSv1.3')).toBe(true);
    expect(g.r.rating.notTested.map((n) => n.id)).toContain('cap-f-robot');
  });

  it('the same without HSTS → A, advised to send HSTS', async () => {
    const g = graded(await probe((await serve(chain())).url));
    expect(g.grade).toBe('A');
    expect(g.rules).toEqual([]);
    expect(g.r.rating.advice.map((a) => a.en)).toEqual(['Send Strict-Transport-Security with max-age ≥ 15552000']);
  });

  it('without TLS 1.3 → A- (warning)', async () => {
    const g = graded(await probe((await serve({ ...chain(), maxVersion: 'TLSv1.2' }, year)).url));
    expect(g.grade).toBe('A-');
    expect(g.rules).toEqual(['warn-no-tls13']);
  });

  it('HSTS max-age under 180 days → A- (warning)', async () => {
    const g = graded(await probe((await serve(chain(), 'max-age=86400')).url));
    expect(g.grade).toBe('A-');
    expect(g.rules).toEqual(['warn-hsts-weak']);
  });

  it('TLS 1.0 and 1.1 enabled → B', async () => {
    const g = graded(await probe((await serve({ ...chain(), minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' }, year)).url));
    expect(g.grade).toBe('B');
    expect(g.rules).toEqual(['cap-b-legacy-protocols']);
    expect(g.r.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  });

  it('only TLS 1.0 and 1.1 (no TLS 1.2) → C', async () => {
    const g = graded(await probe((await serve({ ...chain(), minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' }, year)).url));
    expect(g.grade).toBe('C');
    expect(g.r.facts.hsts).toMatchObject({ status: 'present', maxAgeS: 31536000 });
    // The built-in Node client needs TLS 1.2, so no client simulation reaches this server.
    expect(g.rules).toEqual(['cap-b-legacy-protocols', 'cap-c-no-tls12', 'warn-no-tls13']);
  });

  it('1024-bit DH parameters → B', async () => {
    const dhparam = dh1024Pem;
    const ciphers = 'DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0';
    const g = graded(await probe((await serve({ ...chain(), dhparam, ciphers }, year)).url));
    expect(g.r.facts.ephemeral.dhBits).toBe(1024);
    expect(g.grade).toBe('B');
    expect(g.rules).toEqual(['cap-b-weak-key']);
  });

  it('RSA key exchange only → B (no forward secrecy)', async () => {
    const g = graded(await probe((await serve({ ...chain(), maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384' }, year)).url));
    expect(g.grade).toBe('B');
    expect(g.rules).toEqual(['cap-b-no-forward-secrecy', 'warn-no-tls13']);
  });

  it('ECDSA P-256 → A+', async () => {
    const ec = issueEcdsa(host, [host], inter);
    const g = graded(await probe((await serve(chain(ec), year)).url));
    expect(g.r.facts.cert?.keyType).toBe('EC');
    expect(g.r.facts.cert?.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(g.grade).toBe('A+');
    expect(g.rules).toEqual([]);
  });
});

describe('probeTls certificate problems', () => {
  it('expired certificate → T, A+ if trust is ignored', async () => {
    const old = issue({ cn: host, sans: [host], issuer: inter, notBefore: new Date(Date.now() - 400 * dayMs), notAfter: new Date(Date.now() - 10 * dayMs) });
    const g = graded(await probe((await serve(chain(old), year)).url));
    expect(g.grade).toBe('T');
    expect(g.ignoringTrust).toBe('A+');
    expect(g.rules).toEqual(['trust-expired', 'trust-untrusted-chain']);
    expect(g.r.facts.cert?.trustError).toBe('CERT_HAS_EXPIRED');
  });

  it('self-signed certificate → T', async () => {
    const self = issue({ cn: host, sans: [host] });
    const g = graded(await probe((await serve({ key: self.keyPem, cert: self.certPem }, year)).url));
    expect(g.grade).toBe('T');
    expect(g.rules).toEqual(['trust-self-signed', 'trust-untrusted-chain']);
  });

  it('wrong hostname → M', async () => {
    const g = graded(await probe((await serve(chain(), year)).url, 'other.sanjeh.test'));
    expect(g.grade).toBe('M');
    expect(g.rules).toEqual(['mismatch-hostname']);
  });

  it('SHA-1 signed leaf → T', async () => {
    const sha1 = issue({ cn: host, sans: [host], issuer: inter, hash: 'sha1' });
    const g = graded(await probe((await serve(chain(sha1), year)).url));
    expect(g.r.facts.cert?.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(g.grade).toBe('T');
    expect(g.rules).toContain('trust-sha1-leaf');
  });

  it('incomplete chain with the intermediate at the AIA URL → B', async () => {
    const aia = await startHttpServer({ '/int.der': { body: new X509Certificate(inter.certPem).raw, headers: { 'content-type': 'application/pkix-cert' } } });
    open.push(aia);
    const lone = issue({ cn: host, sans: [host], issuer: inter, aiaCaIssuersUrl: `${aia.url}int.der` });
    const g = graded(await probe((await serve({ key: lone.keyPem, cert: lone.certPem }, year)).url));
    expect(g.r.facts.cert).toMatchObject({ trusted: true, chainComplete: false, aiaFetched: true });
    expect(g.grade).toBe('B');
    expect(g.rules).toEqual(['cap-b-incomplete-chain']);
  });
});
