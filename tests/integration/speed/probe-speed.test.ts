// The speed probe against real Chromium and local fixture pages (issue 5). All Chromium runs
// live in this one file so they run one at a time, as in production. Each test gives the probe
// its own work directory and then proves that no process names it and that it is empty: no
// Chromium and no profile left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { probeSpeed, type SpeedOptions } from '../../../probes/speed/probe-speed.ts';
import { findRunProcesses } from '../../../probes/speed/process-tree.ts';
import type { SpeedResult } from '../../../probes/speed/types.ts';
import { startSpeedFixture, type SpeedFixture } from '../../fixtures/speed/server.ts';

let fixture: SpeedFixture;
const signal = new AbortController().signal;

async function measure(path: string, extra: Partial<SpeedOptions> = {}): Promise<{ result: SpeedResult; workDir: string }> {
  const workDir = await mkdtemp(join(tmpdir(), 'speed-test-'));
  const url = path.startsWith('http') ? path : `${fixture.origin}${path}`;
  const result = await probeSpeed({ url }, { allowPrivate: true, runs: 1, retries: 0, ...extra, workDir }, signal);
  return { result, workDir };
}

async function expectNothingLeft(workDir: string): Promise<void> {
  expect(findRunProcesses(workDir, [])).toEqual([]);
  expect(await readdir(workDir)).toEqual([]);
  await rm(workDir, { recursive: true, force: true });
}

function measuredOf(result: SpeedResult): Extract<SpeedResult, { outcome: 'measured' }> {
  if (result.outcome !== 'measured') throw new Error(`expected a measurement, got ${JSON.stringify(result.error)}`);
  return result;
}

beforeAll(async () => { fixture = await startSpeedFixture(); });
afterAll(async () => { await fixture.close(); });

describe('probeSpeed with Chromium', () => {
  it('grades a light page high, from the median of two runs, with provenance and evidence', async () => {
    const { result, workDir } = await measure('/light', { runs: 2 });
    const m = measuredOf(result);
    expect(m.runsUsed).toBe(2);
    expect(m.runPerformance).toHaveLength(2);
    expect(m.percentage).toBeGreaterThanOrEqual(90);
    expect(m.profile).toBe('gtmetrix-desktop');
    expect(m.settingsHash).toMatch(/^[0-9a-f]{16}$/);
    expect(m.chromiumVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(m.lighthouseVersion).toBe('13.5.0');
    expect(m.metrics.requestCount).toBeGreaterThanOrEqual(1);
    const report = JSON.parse(gunzipSync(m.reportGzip).toString('utf8'));
    expect(report.finalDisplayedUrl).toBe(`${fixture.origin}/light`);
    expect(report.configSettings.screenEmulation).toMatchObject({ width: 1366, height: 768, deviceScaleFactor: 1 });
    await expectNothingLeft(workDir);
  });

  it('grades a heavy page in a lower band, with advice on what blocks rendering', async () => {
    const { result, workDir } = await measure('/heavy');
    const m = measuredOf(result);
    expect(m.percentage).toBeLessThan(60);
    expect(m.performance).toBeLessThan(60);
    expect(m.structure).toBeLessThan(80);
    expect(m.metrics.fcpMs).toBeGreaterThan(2000);
    expect(m.metrics.tbtMs).toBeGreaterThan(500);
    expect(m.metrics.pageBytes).toBeGreaterThan(4_000_000);
    expect(m.advice.map((a) => a.auditId)).toContain('render-blocking-insight');
    await expectNothingLeft(workDir);
  });

  it('ends a page that never finishes loading at the run timeout, with no Chromium left', async () => {
    const hang = fixture.nextHang();
    const { result, workDir } = await measure('/hang', { timeoutMs: 10_000 });
    await hang; // Chromium did load the page before it was killed
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed') expect(result.error).toEqual({ class: 'page_timeout', reason: 'run exceeded 10000 ms' });
    expect(result.runsAttempted).toBe(1);
    await expectNothingLeft(workDir);
  });

  it('stops at once when aborted mid-run, with no Chromium left', async () => {
    const controller = new AbortController();
    void fixture.nextHang().then(() => controller.abort());
    const workDir = await mkdtemp(join(tmpdir(), 'speed-test-'));
    const result = await probeSpeed({ url: `${fixture.origin}/hang` },
      { allowPrivate: true, runs: 3, retries: 1, timeoutMs: 60_000, workDir }, controller.signal);
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed') expect(result.error.class).toBe('aborted');
    expect(result.runsAttempted).toBe(1);
    await expectNothingLeft(workDir);
  });

  it('reports a Chromium crash mid-run as a failure of ours, with nothing left behind', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'speed-test-'));
    void fixture.nextHang().then(() => {
      // The browser process proper: launched detached, it leads its own process group.
      const browser = findRunProcesses(workDir, []).find((p) => p.pid === p.pgid);
      if (browser) process.kill(browser.pid, 'SIGKILL');
    });
    const result = await probeSpeed({ url: `${fixture.origin}/hang` },
      { allowPrivate: true, runs: 1, retries: 0, timeoutMs: 60_000, workDir }, signal);
    expect(result.outcome).toBe('failed');
    // Either the runner reports Chromium's exit, or Lighthouse takes the runner down with it.
    if (result.outcome === 'failed') expect(result.error.class).toBe('browser_failure');
    await expectNothingLeft(workDir);
  });

  it('classifies an unreachable URL (a closed port) as connection_failed, not as a slow page', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const { result, workDir } = await measure(`http://127.0.0.1:${port}/`);
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed') expect(result.error).toMatchObject({ class: 'connection_failed', reason: 'ERR_CONNECTION_REFUSED' });
    await expectNothingLeft(workDir);
  });

  it('classifies an HTTP error page as http_status with its status code', async () => {
    const { result, workDir } = await measure('/status/404');
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed') expect(result.error).toMatchObject({ class: 'http_status', status: 404 });
    await expectNothingLeft(workDir);
  });

  it('refuses a loopback page when private targets are not allowed, before starting Chromium', async () => {
    const { result, workDir } = await measure('/light', { allowPrivate: false });
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed') expect(result.error.class).toBe('egress_denied');
    expect(result.runsAttempted).toBe(0);
    await expectNothingLeft(workDir);
  });
});
