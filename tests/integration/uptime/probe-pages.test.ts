// Well-behaved and merely unhappy targets: up, degraded, redirects followed, statuses, keywords,
// certificates (minted here), and the injected clock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeUptime } from '../../../probes/uptime/probe-uptime.ts';
import { defaultUptimeOptions, type UptimeOptions } from '../../../probes/uptime/options.ts';
import type { UptimeResult } from '../../../probes/uptime/result.ts';
import type { Fixture } from '../../fixtures/http/listen.ts';
import { startPageServer } from '../../fixtures/http/page-server.ts';
import { startRedirectTo } from '../../fixtures/http/redirect-server.ts';
import { closedPortUrl } from '../../fixtures/http/raw-tcp.ts';
import { mintTestPki, type TestPki } from '../../fixtures/http/tls-certs.ts';
import { startTlsPage } from '../../fixtures/http/tls-server.ts';

const options: UptimeOptions = { ...defaultUptimeOptions, allowPrivate: true, timeoutMs: 3000, connectTimeoutMs: 1000 };
const open: Fixture[] = [];
let pki: TestPki;
beforeAll(() => { pki = mintTestPki(); });
afterEach(async () => { await Promise.all(open.splice(0).map((f) => f.close())); });
afterAll(async () => { await Promise.all(open.splice(0).map((f) => f.close())); });

async function use<F extends Fixture>(f: Promise<F>): Promise<F> {
  const fixture = await f;
  open.push(fixture);
  return fixture;
}

const probe = (url: string, o: Partial<UptimeOptions> = {}): Promise<UptimeResult> => probeUptime({ url }, { ...options, ...o });
const persianPage = '<html><body><h1>سامانه خدمات الکترونیک</h1></body></html>';

describe('pages', () => {
  it('a plain page: up, status, final URL, every phase timed, bytes, checkedAt from the injected clock', async () => {
    const f = await use(startPageServer({ body: persianPage }));
    const r = await probe(f.url, { now: () => Date.UTC(2026, 10, 21, 4, 0, 0) });
    expect(r).toMatchObject({ outcome: 'up', status: 200, finalUrl: f.url, bytesRead: Buffer.byteLength(persianPage) });
    expect(r.checkedAt).toBe('2026-11-21T04:00:00.000Z');
    if (r.outcome === 'down') throw new Error('down');
    expect(r.timings.dnsMs).toBe(0); // an IP literal needs no lookup
    expect(r.timings.tlsMs).toBe(0);
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(r.timings.connectMs + r.timings.ttfbMs);
  });

  it('a host name: resolved (through the egress-guarded lookup) and the lookup timed', async () => {
    const f = await use(startPageServer());
    const r = await probe(f.url.replace('127.0.0.1', 'localhost'));
    expect(r).toMatchObject({ outcome: 'up', status: 200 });
    expect(r.timings.dnsMs).toBeGreaterThan(0);
  });

  it('a gzip page: decoded, and the keyword is found in the decoded text', async () => {
    const f = await use(startPageServer({ body: persianPage, gzip: true }));
    const r = await probe(f.url, { keyword: { text: 'سامانه خدمات', mode: 'present' } });
    expect(r.outcome).toBe('up');
  });

  it('keyword present / absent, both ways', async () => {
    const f = await use(startPageServer({ body: persianPage }));
    expect((await probe(f.url, { keyword: { text: 'خطای پایگاه داده', mode: 'present' } }))).toMatchObject({ outcome: 'down', error: { class: 'keyword_missing' }, status: 200 });
    expect((await probe(f.url, { keyword: { text: 'خطای پایگاه داده', mode: 'absent' } })).outcome).toBe('up');
    expect((await probe(f.url, { keyword: { text: 'سامانه', mode: 'absent' } }))).toMatchObject({ outcome: 'down', error: { class: 'keyword_missing' } });
  });

  it('a page larger than the bound: up without a keyword, body_too_large when the keyword lies past the bound', async () => {
    const f = await use(startPageServer({ body: 'x'.repeat(5000) + 'needle' }));
    expect(await probe(f.url, { maxBodyBytes: 4096 })).toMatchObject({ outcome: 'up', bytesRead: 4096 });
    expect(await probe(f.url, { maxBodyBytes: 4096, keyword: { text: 'needle', mode: 'present' } }))
      .toMatchObject({ outcome: 'down', error: { class: 'body_too_large' } });
    expect((await probe(f.url, { keyword: { text: 'needle', mode: 'present' } })).outcome).toBe('up');
  });

  it('slow but successful: degraded above degradedAfterMs, up below it', async () => {
    const f = await use(startPageServer({ delayMs: 400 }));
    const slow = await probe(f.url, { degradedAfterMs: 200 });
    expect(slow).toMatchObject({ outcome: 'degraded', status: 200 });
    expect(slow.timings.ttfbMs).toBeGreaterThanOrEqual(350);
    expect((await probe(f.url, { degradedAfterMs: 2000 })).outcome).toBe('up');
  });

  it('status 500: http_status with the status; accepted when the target accepts it', async () => {
    const f = await use(startPageServer({ status: 500 }));
    expect(await probe(f.url)).toMatchObject({ outcome: 'down', error: { class: 'http_status', status: 500 }, status: 500 });
    expect((await probe(f.url, { acceptStatus: [[200, 299], [500, 500]] })).outcome).toBe('up');
  });

  it('redirects are followed over two hops to the final page, query kept', async () => {
    const page = await use(startPageServer({ body: persianPage }));
    const hop2 = await use(startRedirectTo(`${page.url}landing?x=1`, 302));
    const hop1 = await use(startRedirectTo(hop2.url, 301));
    const r = await probe(hop1.url);
    expect(r).toMatchObject({ outcome: 'up', status: 200, finalUrl: `${page.url}landing?x=1` });
    expect(page.requests()).toBe(1);
  });

  it('a redirect as the final answer when no hop is left is too_many_redirects; with hops left it is followed', async () => {
    const page = await use(startPageServer());
    const hop = await use(startRedirectTo(page.url));
    expect(await probe(hop.url, { maxRedirects: 0 })).toMatchObject({ outcome: 'down', error: { class: 'too_many_redirects' }, status: 301 });
    expect((await probe(hop.url, { maxRedirects: 1 })).outcome).toBe('up');
  });

  it('a redirect to a dead server: the failure of the last hop, without the 3xx status of the first', async () => {
    const dead = await closedPortUrl();
    const hop = await use(startRedirectTo(dead));
    const r = await probe(hop.url);
    expect(r).toMatchObject({ outcome: 'down', error: { class: 'connection_refused' }, finalUrl: dead });
    expect(r.status).toBeUndefined();
  });

  it('a redirect to a file: URL is refused', async () => {
    const hop = await use(startRedirectTo('file:///etc/passwd'));
    const r = await probe(hop.url);
    expect(r).toMatchObject({ outcome: 'down', error: { class: 'egress_denied' }, finalUrl: 'file:///etc/passwd' });
  });
});

describe('certificates', () => {
  it('a valid chain to a trusted CA: up, with the TLS handshake timed', async () => {
    const f = await use(startTlsPage(pki.leaf('valid')));
    const r = await probe(f.url, { extraCa: [pki.caPem] });
    expect(r).toMatchObject({ outcome: 'up', status: 200 });
    expect(r.timings.tlsMs).toBeGreaterThan(0);
  });

  it.each([
    ['expired', [true], 'CERT_HAS_EXPIRED'],
    ['wrong-name', [true], 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['self-signed', [false], 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['valid', [false], 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ] as const)('%s certificate (CA trusted: %s): tls_error %s', async (kind, [trustCa], reason) => {
    const f = await use(startTlsPage(pki.leaf(kind)));
    const r = await probe(f.url, trustCa ? { extraCa: [pki.caPem] } : {});
    expect(r).toMatchObject({ outcome: 'down', error: { class: 'tls_error', reason } });
    expect(r.timings.tlsMs).toBeUndefined();
  });
});
