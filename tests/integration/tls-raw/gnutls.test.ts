import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerateSuites, probeVersion } from '../../../probes/tls/raw/index.ts';
import { cipherSuites } from '../../../probes/tls/cipher-suites.ts';
import { mintSelfSigned } from '../../fixtures/tls-raw/certs.ts';
import { legacyPriority, startGnutlsServ, type GnutlsServ } from '../../fixtures/tls-raw/gnutls-serv.ts';

const all = [...cipherSuites.keys()];
const target = (port: number) => ({ host: '127.0.0.1', port, allowPrivate: true, timeoutMs: 5000 });
const legacyWanted = [0x000a, 0x0005, 0xc012, 0xc011, 0x0016]; // 3DES and RC4, RSA and ECDHE/DHE
let dir: string;
let legacy: GnutlsServ;
let normal: GnutlsServ;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tls-raw-gnutls-'));
  const { certPem, keyPem } = mintSelfSigned('rsa');
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  writeFileSync(certFile, certPem);
  writeFileSync(keyFile, keyPem);
  legacy = await startGnutlsServ({ priority: legacyPriority, certFile, keyFile });
  normal = await startGnutlsServ({ priority: 'NORMAL:-VERS-TLS1.0:-VERS-TLS1.1', certFile, keyFile });
});
afterAll(async () => {
  await legacy?.close();
  await normal?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('raw probes against gnutls-serv', () => {
  it('enumerates 3DES and RC4 suites when the priority string enables them', async () => {
    const r = await enumerateSuites(target(legacy.port), 'TLSv1.2', all);
    expect(r.accepted).toEqual(expect.arrayContaining(legacyWanted));
    // An RSA certificate: no ECDSA suite can be chosen.
    expect(r.accepted.filter((c) => cipherSuites.get(c)?.auth === 'ECDSA')).toEqual([]);
  });

  it('sees TLS 1.0 and 1.1 on the legacy server, and not SSLv3', async () => {
    const t = target(legacy.port);
    expect(await probeVersion(t, 'TLSv1')).toBe(true);
    expect(await probeVersion(t, 'TLSv1.1')).toBe(true);
    expect(await probeVersion(t, 'SSLv3')).toBe(false);
  });

  it('finds neither 3DES nor RC4 nor TLS 1.0 with NORMAL minus TLS 1.0 and 1.1', async () => {
    const r = await enumerateSuites(target(normal.port), 'TLSv1.2', all);
    expect(r.accepted.length).toBeGreaterThan(3);
    expect(r.accepted.filter((c) => legacyWanted.includes(c))).toEqual([]);
    expect(await probeVersion(target(normal.port), 'TLSv1')).toBe(false);
  });
});
