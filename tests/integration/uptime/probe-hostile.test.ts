// Hostile targets (issue 3): each check ends within its timeout with the right class, and the
// elapsed-time bounds prove which timeout fired. Servers run on 127.0.0.1, port 0.
import { afterEach, describe, expect, it } from 'vitest';
import { probeUptime } from '../../../probes/uptime/probe-uptime.ts';
import { defaultUptimeOptions, type UptimeOptions } from '../../../probes/uptime/options.ts';
import type { UptimeResult } from '../../../probes/uptime/result.ts';
import type { Fixture } from '../../fixtures/http/listen.ts';
import { closedPortUrl, startRawServer } from '../../fixtures/http/raw-tcp.ts';
import { startRedirectLoop } from '../../fixtures/http/redirect-server.ts';
import { startEndlessBody, startGzipBomb } from '../../fixtures/http/body-server.ts';

const options: UptimeOptions = { ...defaultUptimeOptions, allowPrivate: true, timeoutMs: 1500, connectTimeoutMs: 1000 };
const open: Fixture[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((f) => f.close())); });

async function use<F extends Fixture>(f: Promise<F>): Promise<F> {
  const fixture = await f;
  open.push(fixture);
  return fixture;
}

async function timed(url: string, o: UptimeOptions = options): Promise<{ r: UptimeResult; ms: number }> {
  const t0 = performance.now();
  const r = await probeUptime({ url }, o);
  return { r, ms: performance.now() - t0 };
}

function errorOf(r: UptimeResult) {
  if (r.outcome !== 'down') throw new Error(`expected down, got ${JSON.stringify(r)}`);
  return r.error;
}

describe('hostile targets', () => {
  it('headers trickled one byte a second: response_timeout at the overall deadline', async () => {
    const f = await use(startRawServer('trickle-headers', 'http', 1000));
    const { r, ms } = await timed(f.url);
    expect(errorOf(r)).toEqual({ class: 'response_timeout' });
    expect(ms).toBeGreaterThan(1400);
    expect(ms).toBeLessThan(4000);
  });

  it('a server that accepts and never answers: response_timeout, TCP connect recorded', async () => {
    const f = await use(startRawServer('silent'));
    const { r, ms } = await timed(f.url);
    expect(errorOf(r)).toEqual({ class: 'response_timeout' });
    expect(r.timings.connectMs).toBeTypeOf('number');
    expect(r.timings.ttfbMs).toBeUndefined();
    expect(ms).toBeGreaterThan(1400);
    expect(ms).toBeLessThan(4000);
  });

  it('a TLS handshake that never completes: connect_timeout from the connect timeout, not the overall one', async () => {
    const f = await use(startRawServer('silent', 'https'));
    const { r, ms } = await timed(f.url, { ...options, timeoutMs: 8000, connectTimeoutMs: 1000 });
    expect(errorOf(r)).toEqual({ class: 'connect_timeout' });
    expect(r.timings.connectMs).toBeTypeOf('number'); // TCP was up: the evidence of a stuck handshake
    expect(r.timings.tlsMs).toBeUndefined();
    expect(ms).toBeGreaterThan(900);
    expect(ms).toBeLessThan(4000);
  });

  it('an endless body (1 GiB): reads the 1 MiB bound, stops, counts as up; the server is cut off', async () => {
    const f = await use(startEndlessBody());
    const { r, ms } = await timed(f.url, { ...options, timeoutMs: 10_000 });
    expect(r.outcome).toBe('up');
    expect(r.bytesRead).toBe(1024 * 1024);
    expect(ms).toBeLessThan(5000); // far from reading 1 GiB, and not ended by the timeout
    expect(f.bytesProduced()).toBeLessThan(64 * 1024 * 1024);
  });

  it('an endless body trickled one byte per 100 ms: response_timeout, bytes so far reported', async () => {
    const f = await use(startEndlessBody({ intervalMs: 100 }));
    const { r, ms } = await timed(f.url);
    expect(errorOf(r)).toEqual({ class: 'response_timeout' });
    expect(r.status).toBe(200);
    expect(r.bytesRead).toBeGreaterThan(0);
    expect(r.bytesRead).toBeLessThan(100);
    expect(ms).toBeGreaterThan(1400);
    expect(ms).toBeLessThan(4000);
  });

  it('a gzip bomb (1 GiB of zeros): decoding stops at the bound after a few KiB on the wire', async () => {
    const f = await use(startGzipBomb());
    const { r } = await timed(f.url);
    expect(r.outcome).toBe('up');
    expect(r.bytesRead).toBeLessThan(64 * 1024);
    expect(f.bytesProduced()).toBeLessThan(256 * 1024 * 1024);
  });

  it('a gzip bomb with a keyword to find: body_too_large (the bound cut the body before the keyword)', async () => {
    const f = await use(startGzipBomb());
    const { r } = await timed(f.url, { ...options, keyword: { text: 'سامانه', mode: 'present' } });
    expect(errorOf(r)).toEqual({ class: 'body_too_large' });
  });

  it('a redirect loop: too_many_redirects after maxRedirects hops', async () => {
    const f = await use(startRedirectLoop());
    const { r, ms } = await timed(f.url, { ...options, maxRedirects: 3 });
    expect(errorOf(r)).toEqual({ class: 'too_many_redirects' });
    expect(r.status).toBe(302);
    expect(r.finalUrl).toBe(f.url.replace(/\/$/, '/hop-3'));
    expect(ms).toBeLessThan(1500);
  });

  it('garbage instead of HTTP: invalid_response, at once', async () => {
    const f = await use(startRawServer('garbage'));
    const { r, ms } = await timed(f.url);
    expect(errorOf(r)).toEqual({ class: 'invalid_response' });
    expect(ms).toBeLessThan(1000);
  });

  it('garbage on a TLS port: tls_error with the OpenSSL reason', async () => {
    const f = await use(startRawServer('garbage', 'https'));
    const { r } = await timed(f.url);
    const e = errorOf(r);
    expect(e.class).toBe('tls_error');
    expect(e.class === 'tls_error' && e.reason).toMatch(/^(ERR_SSL_|EPROTO)/);
  });

  it('1 MiB of headers: invalid_response once past the header size limit, at once', async () => {
    const f = await use(startRawServer('huge-headers'));
    const { r, ms } = await timed(f.url);
    expect(errorOf(r)).toEqual({ class: 'invalid_response' });
    expect(ms).toBeLessThan(1000);
  });

  it('a reset after accept: connection_reset, at once', async () => {
    const f = await use(startRawServer('reset'));
    const { r, ms } = await timed(f.url);
    expect(errorOf(r)).toEqual({ class: 'connection_reset' });
    expect(ms).toBeLessThan(1000);
  });

  it('a closed port: connection_refused, at once', async () => {
    const { r, ms } = await timed(await closedPortUrl());
    expect(errorOf(r)).toEqual({ class: 'connection_refused' });
    expect(ms).toBeLessThan(1000);
  });

  it('a name under .invalid: a DNS failure (RFC 6761: it never resolves)', async () => {
    const { r } = await timed('http://no-such-agency.invalid/');
    // NXDOMAIN where a resolver answers; a host with no reachable resolver gets EAI_AGAIN.
    expect(['dns_nxdomain', 'dns_timeout']).toContain(errorOf(r).class);
    expect(r.timings.dnsMs).toBeUndefined();
  });
});
