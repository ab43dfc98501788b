// Throughput of the uptime processor (probe + store + confirmation retries + evaluation + rollups)
// in one process against local targets: 20 fast pages, 5 slow (250 ms) and 5 failing (503, so
// each failing slot makes 3 attempts). Real Postgres (TEST_DATABASE_URL or the local one, in a
// throw-away schema); the retry delay is skipped so the figure is the work, not the waiting.
// Prints a JSON line and a table; asserts nothing.
import { createServer } from 'node:http';
import { pgSchema } from '../tests/helpers/databases.ts';
import { listenFixture } from '../tests/fixtures/http/listen.ts';
import { startHarness } from '../tests/fixtures/availability/harness.ts';
import { insertTargets } from '../tests/fixtures/availability/harness.ts';
import { uptimeProcessor } from '../workers/processors/uptime.ts';
import { probeUptime } from '../probes/uptime/probe-uptime.ts';
import { defaultUptimeOptions } from '../probes/uptime/options.ts';
import { silentLogger } from '../tests/helpers/logger.ts';

const SLOTS = Number(process.env['BENCH_SLOTS'] ?? 20);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 30);

const slow = createServer((_req, res) => { setTimeout(() => { res.writeHead(200); res.end('<html>slow</html>'); }, 250); });
const t = await pgSchema();
const h = await startHarness(t.db, { targets: 20, controls: 0 });
const slowFixture = await listenFixture(slow, 'http');
const failing = await startHarness(t.db, { targets: 5, controls: 0 });
for (const x of failing.targets) x.page.up = false;
const slowUrls = Array.from({ length: 5 }, (_, i) => `${slowFixture.url}?n=${i}`);
const slowIds = await insertTargets(t.db, slowUrls);
const clock = { t: 0 };
const processor = uptimeProcessor({
  db: t.db, logger: silentLogger, now: () => clock.t, sleep: async () => {}, probe: probeUptime,
  probeOptions: { ...defaultUptimeOptions, allowPrivate: true }, settings: h.settings,
});
const jobs = [
  ...h.targets.map((x) => ({ id: x.id, url: x.page.url })),
  ...failing.targets.map((x) => ({ id: x.id, url: x.page.url })),
  ...slowIds.map((id, i) => ({ id, url: slowUrls[i]! })),
];

const durations: number[] = [];
const started = performance.now();
for (let slot = 0; slot < SLOTS; slot++) {
  clock.t = h.slotMs(slot);
  const queue = [...jobs];
  const worker = async () => {
    for (let j = queue.shift(); j; j = queue.shift()) {
      const t0 = performance.now();
      await processor({ kind: 'uptime', targetId: j.id, url: j.url, region: 'local', slotMs: h.slotMs(slot) }, new AbortController().signal);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}
const elapsedS = (performance.now() - started) / 1000;
const [{ n: attempts }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM checks') as [{ n: number }];
durations.sort((a, b) => a - b);
const q = (p: number) => Math.round(durations[Math.min(durations.length - 1, Math.floor(p * durations.length))]!);
const out = {
  bench: 'availability', jobs: durations.length, attempts, concurrency: CONCURRENCY, elapsedS: Math.round(elapsedS * 10) / 10,
  jobsPerS: Math.round((durations.length / elapsedS) * 10) / 10, attemptsPerS: Math.round((attempts / elapsedS) * 10) / 10,
  jobP50Ms: q(0.5), jobP95Ms: q(0.95),
};
console.log(JSON.stringify(out));
console.log(`| jobs | attempts | concurrency | s | jobs/s | attempts/s | job p50 ms | job p95 ms |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${out.jobs} | ${out.attempts} | ${out.concurrency} | ${out.elapsedS} | ${out.jobsPerS} | ${out.attemptsPerS} | ${out.jobP50Ms} | ${out.jobP95Ms} |`);
await Promise.all([h.close(), failing.close(), slowFixture.close()]);
await t.drop();
