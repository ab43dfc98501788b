import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enumerateSuites, probeCompression, probeHeartbleed, probeSecureRenegotiation, probeSsl2, probeVersion,
} from '../../../probes/tls/raw/index.ts';
import { cipherSuites } from '../../../probes/tls/cipher-suites.ts';
import { mintSelfSigned } from '../../fixtures/tls-raw/certs.ts';
import { startSsl3Acceptor } from '../../fixtures/tls-raw/ssl3-acceptor.ts';
import { startHeartbleedResponder } from '../../fixtures/tls-raw/heartbleed-responder.ts';
import { startSsl2Responder } from '../../fixtures/tls-raw/ssl2-responder.ts';
import type { RunningFixture } from '../../fixtures/tls-raw/raw-server.ts';
import { startPickyServer } from '../../fixtures/tls-raw/picky-server.ts';
import { startAlertAndHold, startEndlessHandshake, startHttpResponder, startSilentServer } from '../../fixtures/tls-raw/hostile.ts';

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
    const server = await startHttpResponder();
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

describe('a server intolerant of long suite lists', () => {
  it('still has its version and suite found, through shorter offers', async () => {
    const server = await startPickyServer(100);
    try {
      expect(await probeVersion(target(server.port), 'TLSv1.2')).toBe(true);
      expect((await enumerateSuites(target(server.port), 'TLSv1.2', all)).accepted).toEqual([0xc02f]);
    } finally {
      await server.close();
    }
  });
});

describe('a server that warns before its ServerHello', () => {
  it('is still seen to accept TLS 1.2', async () => {
    const server = await startPickyServer(1000, 0xc02f, true);
    try {
      expect(await probeVersion(target(server.port), 'TLSv1.2')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('SSLv2 responder', () => {
  it('is seen as SSLv2 with its cipher kinds', async () => {
    const server = await startSsl2Responder({ certDer: cert.certDer, cipherKinds: [0x010080, 0x0700c0, 0x123456] });
    try {
      expect(await probeSsl2(target(server.port))).toEqual({
        supported: true, ciphers: ['SSL_CK_RC4_128_WITH_MD5', 'SSL_CK_DES_192_EDE3_CBC_WITH_MD5', '0x123456'],
      });
    } finally {
      await server.close();
    }
  });

  it('counts an SSLv2 server with no cipher as supporting SSLv2', async () => {
    const server = await startSsl2Responder({ certDer: cert.certDer, cipherKinds: [] });
    try {
      expect(await probeSsl2(target(server.port))).toEqual({ supported: true, ciphers: [] });
    } finally {
      await server.close();
    }
  });

  it('does not wait for the deadline when a TLS-only server alerts and holds the connection', async () => {
    const server = await startAlertAndHold();
    try {
      expect(await probeSsl2(target(server.port, 30_000))).toEqual({ supported: false, ciphers: [] });
    } finally {
      await server.close();
    }
  }, 10_000);
});

describe('compression', () => {
  it('is reported when the server selects DEFLATE', async () => {
    const server = await startSsl3Acceptor({ deflate: true });
    try {
      expect(await probeCompression(target(server.port))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('bounds', () => {
  it('ends a hello to a server that never answers at the deadline', async () => {
    const server = await startSilentServer();
    try {
      const started = performance.now();
      expect(await probeVersion(target(server.port, 300), 'TLSv1.2')).toBe(false);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await server.close();
    }
  });

  it('stops reading at the byte cap when a server streams an endless handshake message', async () => {
    const server = await startEndlessHandshake();
    try {
      expect(await probeVersion(target(server.port, 30_000), 'TLSv1.2')).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('rejects with the abort reason when the signal fires', async () => {
    const controller = new AbortController();
    // The server cancels the scan once it holds the hello: the probe is mid-read when the signal fires.
    const server = await startSilentServer(() => controller.abort(new Error('scan cancelled')));
    try {
      await expect(probeVersion(target(server.port, 30_000), 'TLSv1.2', controller.signal)).rejects.toThrow('scan cancelled');
    } finally {
      await server.close();
    }
  });
});
