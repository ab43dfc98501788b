import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientProfiles, simulateClients, enumerateSuites, probeCompression, probeHeartbleed, probeSecureRenegotiation, probeSsl2, probeVersion } from '../../../probes/tls/raw/index.ts';
import { cipherSuites } from '../../../probes/tls/cipher-suites.ts';
import { EgressDeniedError } from '../../../probes/egress/policy.ts';
import { mintSelfSigned } from '../../fixtures/tls-raw/certs.ts';
import { startTlsServer, type RunningServer } from '../../fixtures/tls-raw/node-tls-server.ts';

const all = [...cipherSuites.keys()];
let modern: RunningServer;
let clientOrder: RunningServer;
const target = (port: number) => ({ host: '127.0.0.1', port, allowPrivate: true, timeoutMs: 5000 });

beforeAll(async () => {
  const { certPem, keyPem } = mintSelfSigned('rsa');
  modern = await startTlsServer({
    cert: certPem, key: keyPem, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', honorCipherOrder: true,
    ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305',
  });
  clientOrder = await startTlsServer({
    cert: certPem, key: keyPem, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', honorCipherOrder: false,
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA:AES128-SHA',
  });
});
afterAll(async () => {
  await modern?.close();
  await clientOrder?.close();
});

describe('raw probes against a node:tls server', () => {
  it('sees TLS 1.2 accepted and TLS 1.0, 1.1 and SSLv3 refused', async () => {
    const t = target(modern.port);
    expect(await probeVersion(t, 'TLSv1.2')).toBe(true);
    expect(await probeVersion(t, 'TLSv1.1')).toBe(false);
    expect(await probeVersion(t, 'TLSv1')).toBe(false);
    expect(await probeVersion(t, 'SSLv3')).toBe(false);
  });

  it('enumerates exactly the configured suites in server preference order', async () => {
    const r = await enumerateSuites(target(modern.port), 'TLSv1.2', all);
    expect(r.accepted).toEqual([0xc030, 0xc02f, 0xcca8]);
    expect(r.serverOrder).toBe(true);
  });

  it('reports client preference when the server honours the client order', async () => {
    const r = await enumerateSuites(target(clientOrder.port), 'TLSv1.2', all);
    expect([...r.accepted].sort()).toEqual([0x002f, 0xc014, 0xc02f].sort());
    expect(r.serverOrder).toBe(false);
  });

  it('finds nothing at a version the server refuses', async () => {
    expect(await enumerateSuites(target(modern.port), 'TLSv1', all)).toEqual({ accepted: [], serverOrder: 'unknown' });
  });

  it('sees secure renegotiation, no compression, no heartbeat, no SSLv2', async () => {
    const t = target(modern.port);
    expect(await probeSecureRenegotiation(t)).toBe('supported');
    expect(await probeCompression(t)).toBe(false);
    expect(await probeHeartbleed(t)).toBe('not_vulnerable');
    expect(await probeSsl2(t)).toEqual({ supported: false, ciphers: [] });
  });

  it('gives every modern client a forward-secret AEAD suite over TLS 1.3', async () => {
    const results = await simulateClients(target(modern.port), clientProfiles);
    expect(results.map((r) => r.client)).toEqual(clientProfiles.map((p) => p.id));
    for (const r of results.filter((x) => x.modern)) {
      expect(r).toMatchObject({ ok: true, version: 'TLSv1.3' });
      expect(cipherSuites.get(r.suite!)).toMatchObject({ tls13: true, aead: true, fs: true });
    }
    // Android 4.4 gets TLS 1.2 and the server's first choice.
    expect(results.find((r) => r.client === 'android-4-4')).toMatchObject({ ok: true, version: 'TLSv1.2', suite: 0xc030 });
    // Windows 7 has no ECDHE-RSA GCM suite: handshake_failure, as SSL Labs shows for such servers.
    expect(results.find((r) => r.client === 'ie-11-win7')).toMatchObject({ ok: false, error: 'alert_40' });
    // IE 8 on XP tops out at TLS 1.0: protocol_version.
    expect(results.find((r) => r.client === 'ie-8-xp')).toMatchObject({ ok: false, error: 'alert_70' });
  });

  it('reads the suite each client gets from a TLS 1.2 server with client preference', async () => {
    const results = await simulateClients(target(clientOrder.port), clientProfiles.filter((p) => p.modern));
    for (const r of results) {
      expect(r).toMatchObject({ ok: true, version: 'TLSv1.2' });
      expect(cipherSuites.get(r.suite!)).toMatchObject({ kx: 'ECDHE', aead: true });
    }
  });

  it('refuses a loopback target when private targets are not allowed', async () => {
    await expect(probeVersion({ ...target(modern.port), allowPrivate: false }, 'TLSv1.2')).rejects.toBeInstanceOf(EgressDeniedError);
    // By name too: the guarded lookup refuses what 'localhost' resolves to.
    await expect(probeHeartbleed({ ...target(modern.port), host: 'localhost', allowPrivate: false })).rejects.toBeInstanceOf(EgressDeniedError);
    await expect(simulateClients({ ...target(modern.port), allowPrivate: false }, clientProfiles)).rejects.toBeInstanceOf(EgressDeniedError);
  });

  it('answers false for a closed port', async () => {
    const closed = await startTlsServer({});
    const port = closed.port;
    await closed.close();
    expect(await probeVersion(target(port), 'TLSv1.2')).toBe(false);
  });
});
