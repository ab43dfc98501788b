// The egress policy in the probe: with allowPrivate false a loopback target is refused before any
// request reaches it, whether named by IP literal or by a name that resolves to loopback. And the
// caller's signal: aborting it rejects (the check is void), it is not the target's downtime.
import { afterEach, describe, expect, it } from 'vitest';
import { probeUptime } from '../../../probes/uptime/probe-uptime.ts';
import { defaultUptimeOptions, type UptimeOptions } from '../../../probes/uptime/options.ts';
import type { Fixture } from '../../fixtures/http/listen.ts';
import { startPageServer, type PageFixture } from '../../fixtures/http/page-server.ts';
import { startRawServer } from '../../fixtures/http/raw-tcp.ts';
import { startRedirectTo } from '../../fixtures/http/redirect-server.ts';

const options: UptimeOptions = { ...defaultUptimeOptions, allowPrivate: true, timeoutMs: 3000, connectTimeoutMs: 1000 };
const open: Fixture[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((f) => f.close())); });

async function page(): Promise<PageFixture> {
  const f = await startPageServer();
  open.push(f);
  return f;
}

describe('egress policy', () => {
  it('refuses a loopback IP literal when allowPrivate is false, and sends nothing', async () => {
    const f = await page();
    const r = await probeUptime({ url: f.url }, { ...options, allowPrivate: false });
    expect(r).toMatchObject({ outcome: 'down', error: { class: 'egress_denied' } });
    expect(r.outcome === 'down' && r.error.class === 'egress_denied' && r.error.reason).toMatch(/loopback/);
    expect(f.requests()).toBe(0);
  });

  it('refuses a name that resolves to loopback (checked on the resolved address)', async () => {
    const f = await page();
    const r = await probeUptime({ url: f.url.replace('127.0.0.1', 'localhost') }, { ...options, allowPrivate: false });
    expect(r).toMatchObject({ outcome: 'down', error: { class: 'egress_denied' } });
    expect(f.requests()).toBe(0);
  });

  it('allows the same targets when allowPrivate is true', async () => {
    const f = await page();
    expect((await probeUptime({ url: f.url }, options)).outcome).toBe('up');
    expect(f.requests()).toBe(1);
  });

  it.each([['http://10.20.30.40/internal', /private/], ['http://169.254.169.254/latest/meta-data/', /metadata/], ['http://[::1]:9/', /loopback/]])(
    'refuses a redirect to %s (the first hop allowed by address, the private hop not)', async (location, reason) => {
      const f = await startRedirectTo(location);
      open.push(f);
      const t0 = performance.now();
      const r = await probeUptime({ url: f.url }, { ...options, allowPrivate: false, allowAddresses: ['127.0.0.1'] });
      expect(r).toMatchObject({ outcome: 'down', error: { class: 'egress_denied' }, finalUrl: new URL(location).href });
      expect(r.outcome === 'down' && r.error.class === 'egress_denied' && r.error.reason).toMatch(reason);
      expect(performance.now() - t0).toBeLessThan(2000);
    });

  it('a metadata address is refused before connecting', async () => {
    const t0 = performance.now();
    const r = await probeUptime({ url: 'http://169.254.169.254/latest/meta-data/' }, { ...options, allowPrivate: false });
    expect(r).toMatchObject({ outcome: 'down', error: { class: 'egress_denied' } });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('the caller\'s signal', () => {
  it('aborting it rejects with its reason instead of reporting the target down', async () => {
    const f = await startRawServer('silent');
    open.push(f);
    const controller = new AbortController();
    const pending = probeUptime({ url: f.url }, options, controller.signal);
    controller.abort(new Error('worker shutting down'));
    await expect(pending).rejects.toThrow('worker shutting down');
  });

  it('a malformed target URL is the caller\'s bug: it throws', async () => {
    await expect(probeUptime({ url: 'not a url' }, options)).rejects.toThrow(TypeError);
  });
});
