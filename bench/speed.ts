// bench/speed: figures for the speed probe (issue 5). Asserts nothing; prints a JSON line and a
// short table. Measures, against a local mid-range fixture page (tests/fixtures/speed /mid):
//  - the score spread over M measurements (N runs each), idle and while a worker thread runs
//    uptime-like HTTP checks (undici GETs at a fixed rate against a local server);
//  - wall time per measurement → measurements per hour per worker (one run at a time);
//  - peak memory (PSS) of this Node process and its descendants (runner Node + Chromium),
//    sampled from /proc every 100 ms during one extra measurement before the series.
// Usage: npx node bench/speed.ts [--measurements 5] [--runs 3] [--load-rate 100]
// (--load-rate: uptime checks per second; 100/s is ~6 times what 1,000 targets checked every
// minute from one region need)
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { probeSpeed, speedDefaults } from '../probes/speed/probe-speed.ts';
import { listProcesses } from '../probes/speed/process-tree.ts';
import { startSpeedFixture } from '../tests/fixtures/speed/server.ts';

const { values } = parseArgs({ options: {
  measurements: { type: 'string', default: '5' }, runs: { type: 'string', default: '3' },
  'load-rate': { type: 'string', default: '100' },
} });
const measurements = Number(values.measurements);
const runs = Number(values.runs);
const loadRate = Number(values['load-rate']);

type Peak = { totalBytes: number; nodeBytes: number; chromiumBytes: number };

/** Proportional set size (shared pages split between sharers): RSS sums overcount Chromium. */
function pssBytes(pid: number): number {
  try {
    const kib = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return Number(kib ?? 0) * 1024;
  } catch {
    return 0; // exited while sampled
  }
}

/** This process and its descendants (runner Node, Chromium, which stays a descendant while it runs). */
function sampleMemory(peak: Peak): void {
  const procs = listProcesses().filter((p) => !p.zombie);
  const tree = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (tree.has(p.ppid) && !tree.has(p.pid)) { tree.add(p.pid); grew = true; }
  }
  let node = 0;
  let chromium = 0;
  for (const p of procs.filter((x) => tree.has(x.pid))) {
    if (p.cmdline.includes('--user-data-dir=')) chromium += pssBytes(p.pid);
    else node += pssBytes(p.pid);
  }
  peak.nodeBytes = Math.max(peak.nodeBytes, node);
  peak.chromiumBytes = Math.max(peak.chromiumBytes, chromium);
  peak.totalBytes = Math.max(peak.totalBytes, node + chromium);
}

type Series = { performance: number[]; percentage: number[]; seconds: number[]; failures: string[] };

async function series(url: string, niceness: number | null = speedDefaults.niceness): Promise<Series> {
  const out: Series = { performance: [], percentage: [], seconds: [], failures: [] };
  for (let i = 0; i < measurements; i++) {
    const started = performance.now();
    const r = await probeSpeed({ url }, { allowPrivate: true, runs, niceness }, AbortSignal.timeout(600_000));
    out.seconds.push((performance.now() - started) / 1000);
    if (r.outcome === 'measured') {
      out.performance.push(r.performance);
      out.percentage.push(r.percentage);
    } else out.failures.push(r.error.class);
  }
  return out;
}

async function underLoad<T>(work: () => Promise<T>): Promise<{ result: T; checksPerS: number }> {
  const worker = new Worker(new URL('./speed-load.ts', import.meta.url), { workerData: { ratePerS: loadRate } });
  await once(worker, 'message');
  const started = performance.now();
  const result = await work();
  worker.postMessage('stop');
  const [{ completed }] = (await once(worker, 'message')) as [{ completed: number }];
  await worker.terminate();
  return { result, checksPerS: completed / ((performance.now() - started) / 1000) };
}

const spread = (xs: number[]): number => (xs.length ? Math.max(...xs) - Math.min(...xs) : NaN);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const r1 = (x: number): number => Math.round(x * 10) / 10;

const fixture = await startSpeedFixture();
const url = `${fixture.origin}/mid`;
// Memory is sampled in a separate measurement: reading smaps_rollup takes each process's mmap
// lock, and sampling during the spread series disturbed Chromium enough to widen the spread.
const peak: Peak = { totalBytes: 0, nodeBytes: 0, chromiumBytes: 0 };
const sampler = setInterval(() => sampleMemory(peak), 100);
await probeSpeed({ url }, { allowPrivate: true, runs }, AbortSignal.timeout(600_000));
clearInterval(sampler);
const idle = await series(url);
const loaded = await underLoad(() => series(url));
// The same under load without the runner's raised priority, to show what the priority buys.
const loadedPlain = await underLoad(() => series(url, null));
await fixture.close();

const secondsPerMeasurement = mean([...idle.seconds, ...loaded.result.seconds]);
const figures = {
  bench: 'speed', page: '/mid', profile: 'gtmetrix-desktop', measurements, runsPerMeasurement: runs,
  idle: { performance: idle.performance.map(r1), percentage: idle.percentage.map(r1),
    spreadPerformance: r1(spread(idle.performance)), spreadPercentage: r1(spread(idle.percentage)),
    meanSeconds: r1(mean(idle.seconds)), failures: idle.failures },
  loaded: { performance: loaded.result.performance.map(r1), percentage: loaded.result.percentage.map(r1),
    spreadPerformance: r1(spread(loaded.result.performance)), spreadPercentage: r1(spread(loaded.result.percentage)),
    meanSeconds: r1(mean(loaded.result.seconds)), failures: loaded.result.failures,
    uptimeChecksPerS: Math.round(loaded.checksPerS) },
  loadedInheritedPriority: { performance: loadedPlain.result.performance.map(r1),
    spreadPerformance: r1(spread(loadedPlain.result.performance)), spreadPercentage: r1(spread(loadedPlain.result.percentage)),
    meanSeconds: r1(mean(loadedPlain.result.seconds)), failures: loadedPlain.result.failures },
  niceness: speedDefaults.niceness,
  secondsPerMeasurement: r1(secondsPerMeasurement),
  measurementsPerHourPerWorker: Math.floor(3600 / secondsPerMeasurement),
  peakPssMiB: { total: Math.round(peak.totalBytes / 2 ** 20), node: Math.round(peak.nodeBytes / 2 ** 20),
    chromium: Math.round(peak.chromiumBytes / 2 ** 20) },
  loadAverage1m: r1(loadavg()[0] ?? 0),
};
console.log(JSON.stringify(figures));
console.table({
  idle: { 'perf scores': figures.idle.performance.join(' '), 'spread perf': figures.idle.spreadPerformance,
    'spread %': figures.idle.spreadPercentage, 's/measurement': figures.idle.meanSeconds },
  loaded: { 'perf scores': figures.loaded.performance.join(' '), 'spread perf': figures.loaded.spreadPerformance,
    'spread %': figures.loaded.spreadPercentage, 's/measurement': figures.loaded.meanSeconds },
  'loaded, nice 0': { 'perf scores': figures.loadedInheritedPriority.performance.join(' '),
    'spread perf': figures.loadedInheritedPriority.spreadPerformance,
    'spread %': figures.loadedInheritedPriority.spreadPercentage, 's/measurement': figures.loadedInheritedPriority.meanSeconds },
});
console.log(`measurements/hour/worker ${figures.measurementsPerHourPerWorker}; peak PSS ${figures.peakPssMiB.total} MiB `
  + `(Node ${figures.peakPssMiB.node}, Chromium ${figures.peakPssMiB.chromium}); uptime load ${figures.loaded.uptimeChecksPerS} checks/s`);
