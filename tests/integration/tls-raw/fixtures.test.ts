import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enumerateSuites, probeCompression, probeHeartbleed, probeSecureRenegotiation, probeSsl2, probeVersion,
} from '../../../probes/tls/raw/index.ts';
import { cipherSuites } from '../../../probes/tls/cipher-suites.ts';
import { mintSelfSigned } from '../../fixtures/tls-raw/certs.ts';
import { startSsl3Acceptor } from '../../fixtures/tls-raw/ssl3-acceptor.ts';
import { startHeartbleedResponder } from '../../fixtures/tls-raw/heartbleed-responder.ts';
import type { RunningFixture } from '../../fixtures/tls-raw/raw-server.ts';

const all = [...cipherSuites.keys()];
const target = (port: number, timeoutMs = 5000) => ({ host: '127.0.0.1', port, allowPrivate: true, timeoutMs });
const cert = mintSelfSigned('rsa');

describe('SSLv3-only acceptor', () => {
  let server: RunningFixture;
  beforeAll(async () => { server = await startSsl3Acceptor({ certDer: cert.certDer }); });
  afterAll(() => server.close());

  it('is seen as SSLv3 and nothing newer', async () => {
    const t = target(server.port);
    expect(await probeVersion(t, 'SSLv3')).toBe(true);
    expect(await probeVersion(t, 'TLSv1')).toBe(false);
    expect(await probeVersion(t, 'TLSv1.2')).toBe(false);
  });

  it('has its 3DES and RC4 suites enumerated at SSLv3', async () => {
    const r = await enumerateSuites(target(server.port), 'SSLv3', all);
    expect(r.accepted).toEqual([0x000a, 0x0005, 0x0004]);
    expect(r.serverOrder).toBe(true);
  });

  it('has no renegotiation_info and no compression', async () => {
    expect(await probeSecureRenegotiation(target(server.port))).toBe('unsupported');
    expect(await probeCompression(target(server.port))).toBe(false);
  });
});

describe('Heartbleed responder', () => {
  let vulnerable: RunningFixture;
  let patched: RunningFixture;
  beforeAll(async () => {
    vulnerable = await startHeartbleedResponder({ certDer: cert.certDer });
    patched = await startHeartbleedResponder({ certDer: cert.certDer, patched: true });
  });
  afterAll(async () => {
    await vulnerable.close();
    await patched.close();
  });

  it('is found vulnerable', async () => {
    expect(await probeHeartbleed(target(vulnerable.port))).toBe('vulnerable');
  });

  it('is found not vulnerable once patched, well before the deadline', async () => {
    // The deadline is far away: the verdict comes from the echo of the well-formed request.
    expect(await probeHeartbleed(target(patched.port, 30_000))).toBe('not_vulnerable');
  });

  it('accepts TLS 1.2 and reports secure renegotiation', async () => {
    expect(await probeVersion(target(vulnerable.port), 'TLSv1.2')).toBe(true);
    expect(await probeSecureRenegotiation(target(vulnerable.port))).toBe('supported');
  });
});

describe('servers that do not speak TLS', () => {
  it('answers unknown/false to a server that closes at once', async () => {
    const { startRawServer } = await import('../../fixtures/tls-raw/raw-server.ts');
    const server = await startRawServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    try {
      expect(await probeVersion(target(server.port), 'TLSv1.2')).toBe(false);
      expect(await probeHeartbleed(target(server.port))).toBe('unknown');
      expect(await probeSecureRenegotiation(target(server.port))).toBe('unknown');
      expect(await probeSsl2(target(server.port))).toEqual({ supported: false, ciphers: [] });
    } finally {
      await server.close();
    }
  });
});
