// probeTls where the raw ClientHello layer decides: gnutls-serv with 3DES and RC4, an SSLv3-only
// acceptor and a Heartbleed responder (TLS-raw's fixtures); plus the outcomes that are not grades:
// no HTTPS, a refused loopback target, an http:// target redirected to https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { once } from 'node:events';
import { probeTls } from '../../../probes/tls/probe-tls.ts';
import type { TlsResult } from '../../../probes/tls/result.ts';
import { issue, type Issued } from '../../fixtures/tls/pki.ts';
import { startHttpServer, startHttpsServer } from '../../fixtures/tls/https-server.ts';
import { legacyPriority, startGnutlsServ } from '../../fixtures/tls-raw/gnutls-serv.ts';
import { startSsl3Acceptor } from '../../fixtures/tls-raw/ssl3-acceptor.ts';
import { startHeartbleedResponder } from '../../fixtures/tls-raw/heartbleed-responder.ts';

const host = 'legacy.sanjeh.test';
let root: Issued;
let leaf: Issued;
let dir: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(() => {
  root = issue({ cn: 'Sanjeh Legacy Root', isCa: true });
  leaf = issue({ cn: host, sans: [host], issuer: root });
  dir = mkdtempSync(join(tmpdir(), 'sanjeh-tls-'));
  writeFileSync(join(dir, 'cert.pem'), leaf.certPem);
  writeFileSync(join(dir, 'key.pem'), leaf.keyPem);
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
  rmSync(dir, { recursive: true, force: true });
});

const probe = (url: string, allowPrivate = true) =>
  probeTls({ url }, { allowPrivate, servername: host, extraCa: [root.certPem], timeoutMs: 2000 });
function graded(r: TlsResult) {
  if (r.outcome !== 'graded') throw new Error(`expected a grade, got ${JSON.stringify(r)}`);
  return { grade: r.grade, rules: r.rating.findings.map((f) => f.id).sort(), r };
}

describe('probeTls with the raw ClientHello layer', () => {
  it('gnutls-serv accepting 3DES and RC4 with TLS 1.0–1.3 → C', async () => {
    const srv = await startGnutlsServ({ priority: legacyPriority, certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') });
    closers.push(srv.close);
    const g = graded(await probe(`https://127.0.0.1:${srv.port}/`));
    const names = g.r.suites.map((s) => s.name);
    expect(names).toContain('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
    expect(names).toContain('TLS_RSA_WITH_RC4_128_SHA');
    expect(g.grade).toBe('C');
    expect(g.rules).toEqual(expect.arrayContaining(['cap-c-rc4-tls11', 'cap-b-rc4', 'cap-b-legacy-protocols']));
    expect(g.rules.filter((id) => id.startsWith('cap-f'))).toEqual([]);
  });

  it('an SSLv3-only server → F', async () => {
    const srv = await startSsl3Acceptor({ certDer: Buffer.from(new X509Certificate(leaf.certPem).raw) });
    closers.push(srv.close);
    const g = graded(await probe(`https://127.0.0.1:${srv.port}/`));
    expect(g.r.protocols).toEqual(['SSLv3']);
    expect(g.grade).toBe('F');
    expect(g.rules).toEqual(expect.arrayContaining(['cap-f-sslv3-best', 'cap-c-no-tls12', 'cap-b-sslv3', 'cap-b-rc4']));
  });

  it('a Heartbleed responder → F', async () => {
    const srv = await startHeartbleedResponder({ certDer: Buffer.from(new X509Certificate(leaf.certPem).raw) });
    closers.push(srv.close);
    const g = graded(await probe(`https://127.0.0.1:${srv.port}/`));
    expect(g.r.facts.heartbleed).toBe('yes');
    expect(g.grade).toBe('F');
    expect(g.rules).toContain('cap-f-heartbleed');
  });
});

describe('probeTls outcomes that are not grades', () => {
  it('a closed port → no_https (connection refused)', async () => {
    const srv = await startHttpServer({});
    await srv.close();
    const r = await probe(`https://127.0.0.1:${srv.port}/`);
    expect(r).toMatchObject({ outcome: 'no_https', error: { class: 'connection_refused' } });
  });

  it('a plain-HTTP listener on the TLS port → no_https (not TLS)', async () => {
    const srv = await startHttpServer({});
    closers.push(srv.close);
    const r = await probe(`https://127.0.0.1:${srv.port}/`);
    expect(r).toMatchObject({ outcome: 'no_https', error: { class: 'not_tls' } });
  });

  it('a listener that accepts and never answers → no_https (handshake timeout)', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => { sockets.push(s); });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    closers.push(async () => { sockets.forEach((s) => s.destroy()); silent.close(); });
    const { port } = silent.address() as AddressInfo;
    const r = await probeTls({ url: `https://127.0.0.1:${port}/` }, { allowPrivate: true, timeoutMs: 300 });
    expect(r).toMatchObject({ outcome: 'no_https', error: { class: 'handshake_timeout' } });
  });

  it('an aborted probe ends with the aborted class', async () => {
    const r = await probeTls({ url: 'https://127.0.0.1:9/' }, { allowPrivate: true }, AbortSignal.abort());
    expect(r).toMatchObject({ outcome: 'error', error: { class: 'aborted' } });
  });

  it('refuses a loopback target when private targets are not allowed', async () => {
    const r = await probe('https://127.0.0.1:9/', false);
    expect(r).toMatchObject({ outcome: 'error', error: { class: 'egress_denied' } });
  });

  it('follows an http:// redirect to the https endpoint it grades', async () => {
    const tls = await startHttpsServer({ key: leaf.keyPem, cert: leaf.certPem }, 'max-age=31536000');
    closers.push(tls.close);
    const http = await startHttpServer({ '/': { status: 301, headers: { location: tls.url } } });
    closers.push(http.close);
    const g = graded(await probe(http.url));
    expect(g.r.port).toBe(tls.port);
    expect(g.grade).toBe('A+');
  });
});
