// Run by memory.test.ts in its own process (node --expose-gc), so the figures are the probe's
// alone: the fixture servers live in the test process. Probes each URL in turn while sampling
// RSS every 5 ms, and prints one JSON line: baseline and peak RSS, and each result.
// argv[2]: JSON { urls: string[], options: Partial<UptimeOptions> }
import { probeUptime } from '../../../probes/uptime/probe-uptime.ts';
import { defaultUptimeOptions } from '../../../probes/uptime/options.ts';

const input = JSON.parse(process.argv[2] ?? '{}') as { urls: string[]; options: object };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const options = { ...defaultUptimeOptions, allowPrivate: true, ...input.options };

// Warm up: load every lazily required module (undici's parser, zlib) before the baseline.
await probeUptime({ url: input.urls[0] ?? '' }, { ...options, maxBodyBytes: 1024 });
gc();
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
let peakHeap = 0;
let peakExternal = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakExternal = Math.max(peakExternal, m.external);
};
const sampler = setInterval(sample, 5);
const results = [];
for (const url of input.urls) results.push(await probeUptime({ url }, options));
clearInterval(sampler);
sample();
console.log(JSON.stringify({ baselineRss, peakRss, peakHeap, peakExternal, results }));
