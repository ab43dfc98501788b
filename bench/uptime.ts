// bench/uptime: checks per second of one probe process against local targets with a realistic
// mix: 70 % fast pages (gzip, ~30 KiB), 20 % slow pages (~1 s to answer), 10 % failing (a third
// each: connection refused, HTTP 500, a server that never answers → response_timeout).
// The fixture servers run in a child process (this file with --serve) so they do not share the
// probe's event loop. Prints one JSON line and a short table; asserts nothing.
// --mix fast probes only the fast page: the CPU-bound ceiling of one process (the realistic mix
// is bound by the latency of the slow and silent targets at a given concurrency).
//   npx node bench/uptime.ts [--mix realistic|fast] [--seconds 30] [--concurrency 200] [--timeout-ms 5000]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { defaultUptimeOptions, type UptimeOptions } from '../probes/uptime/options.ts';
import { probeUptime } from '../probes/uptime/probe-uptime.ts';
import type { UptimeResult } from '../probes/uptime/result.ts';
import { startPageServer } from '../tests/fixtures/http/page-server.ts';
import { closedPortUrl, startRawServer } from '../tests/fixtures/http/raw-tcp.ts';

type Targets = { fast: string; slow: string; refused: string; status500: string; silent: string };

async function serve(): Promise<void> {
  const page = `<html><body>${'<p>سامانه خدمات الکترونیک دولت</p>'.repeat(700)}</body></html>`;
  const targets: Targets = {
    fast: (await startPageServer({ body: page, gzip: true })).url,
    slow: (await startPageServer({ body: page, delayMs: 1000 })).url,
    refused: await closedPortUrl(),
    status500: (await startPageServer({ status: 500 })).url,
    silent: (await startRawServer('silent')).url,
  };
  process.send?.(targets);
}

/** Deterministic target picker: the same mix on every run (mulberry32). */
function picker(t: Targets, mix: string, seed = 42): () => string {
  let a = seed;
  if (mix === 'fast') return () => t.fast;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    const x = ((r ^ (r >>> 14)) >>> 0) / 4294967296;
    if (x < 0.7) return t.fast;
    if (x < 0.9) return t.slow;
    return x < 0.9333 ? t.refused : x < 0.9667 ? t.status500 : t.silent;
  };
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

type Tally = { durations: number[]; outcomes: Record<string, number>; peakRss: number };

async function worker(pick: () => string, o: UptimeOptions, until: number, tally: Tally): Promise<void> {
  while (performance.now() < until) {
    const t0 = performance.now();
    const r: UptimeResult = await probeUptime({ url: pick() }, o);
    tally.durations.push(performance.now() - t0);
    const key = r.outcome === 'down' ? `down:${r.error.class}` : r.outcome;
    tally.outcomes[key] = (tally.outcomes[key] ?? 0) + 1;
  }
}

async function bench(): Promise<void> {
  const { values } = parseArgs({ options: { mix: { type: 'string', default: 'realistic' }, seconds: { type: 'string', default: '30' }, concurrency: { type: 'string', default: '200' }, 'timeout-ms': { type: 'string', default: '5000' } } });
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const options: UptimeOptions = { ...defaultUptimeOptions, allowPrivate: true, timeoutMs: Number(values['timeout-ms']), connectTimeoutMs: 2000 };
  const child = fork(new URL(import.meta.url), ['--serve'], { stdio: 'inherit' });
  const [targets] = (await once(child, 'message')) as [Targets];
  const tally: Tally = { durations: [], outcomes: {}, peakRss: 0 };
  const sampler = setInterval(() => { tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss); }, 100);
  const started = performance.now();
  const until = started + seconds * 1000;
  const pick = picker(targets, values.mix);
  await Promise.all(Array.from({ length: concurrency }, () => worker(pick, options, until, tally)));
  const elapsedS = (performance.now() - started) / 1000;
  clearInterval(sampler);
  child.kill();
  report(tally, { mix: values.mix, seconds, concurrency, timeoutMs: options.timeoutMs, elapsedS });
}

function report(t: Tally, run: { mix: string; seconds: number; concurrency: number; timeoutMs: number; elapsedS: number }): void {
  const sorted = [...t.durations].sort((a, b) => a - b);
  const figures = {
    bench: 'uptime', node: process.version, ...run, checks: sorted.length,
    checksPerS: Math.round((sorted.length / run.elapsedS) * 10) / 10,
    p50Ms: Math.round(pct(sorted, 0.5)), p99Ms: Math.round(pct(sorted, 0.99)),
    peakRssMiB: Math.round(t.peakRss / 2 ** 20), outcomes: t.outcomes,
  };
  console.log(JSON.stringify(figures));
  console.log(`| mix | checks/s | p50 ms | p99 ms | peak RSS MiB | checks |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
  console.log(`| ${run.mix} | ${figures.checksPerS} | ${figures.p50Ms} | ${figures.p99Ms} | ${figures.peakRssMiB} | ${figures.checks} |`);
}

if (process.argv.includes('--serve')) await serve();
else await bench();
