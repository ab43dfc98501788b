// bench/dashboard: the overview with 10,000 targets in headless Chromium. Prints the server's
// overview time (one aggregated query + scoring), the first render (navigation to the table on
// screen, from the page's own performance marks; run 1 cold, the others warm), and a live update (100 targets go down: from
// the database write to the rows shown down, plus how long applying the update held the main
// thread and the longest task). Figures only; asserts nothing. Needs Postgres on 127.0.0.1.
//   npx node bench/dashboard.ts [targets=10000] [runs=3]
import { launchChromium, startStack } from '../tests/e2e/harness.ts';
import { seedOutage } from '../tests/e2e/seed.ts';

const targets = Number(process.argv[2] ?? 10_000);
const runs = Math.max(2, Number(process.argv[3] ?? 3));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const t0 = performance.now();
// The overview reads coverage, outages and the latest 15-minute rollup: one day of rollups is enough.
const stack = await startStack(targets, { admin: { role: 'admin' } }, 500, { days: 1, hours: 1 });
const seedS = (performance.now() - t0) / 1000;
const browser = await launchChromium();
const auth = { authorization: `Bearer ${stack.keys['admin']}` };

const api: number[] = [];
for (let i = 0; i < runs + 1; i++) {
  const s = performance.now();
  const res = await fetch(`${stack.url}/api/v1/dashboard/overview`, { headers: auth });
  await res.arrayBuffer();
  if (i > 0) api.push(performance.now() - s); // the first call warms the plans and the JIT
}
const bytes = (await (await fetch(`${stack.url}/api/v1/dashboard/overview`, { headers: auth })).arrayBuffer()).byteLength;

const firstRender: number[] = [];
const updates: Array<{ endToEndMs: number; applyMs: number; longestTaskMs: number }> = [];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript((key) => {
    sessionStorage.setItem('sanjeh.key', key);
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  }, stack.keys['admin']!);
  const page = await context.newPage();
  await page.goto(`${stack.url}/dashboard/`);
  await page.waitForSelector('main[data-ready="true"] .vt-row', { timeout: 60_000 });
  firstRender.push(await page.evaluate(() => performance.getEntriesByName('sanjeh:overview-ready')[0]!.startTime));
  await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
  const ids = Array.from({ length: 100 }, (_, i) => 1 + ((r * 100 + i) * 97) % targets); // distinct across runs up to 10,000 targets
  const s = performance.now();
  await stack.t.db.tx(async (tx) => { for (const id of ids) await seedOutage(tx, id, Date.now() - 60_000); });
  await page.waitForFunction(() => document.querySelector('main')!.dataset['updates'] !== undefined, undefined, { timeout: 60_000 });
  const endToEndMs = performance.now() - s;
  const m = await page.evaluate(() => ({
    applyMs: performance.getEntriesByName('sanjeh:update-applied').reduce((a, e) => a + e.duration, 0),
    longestTaskMs: Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  }));
  updates.push({ endToEndMs, ...m });
  console.error(`run ${r + 1}: first render ${firstRender.at(-1)!.toFixed(0)} ms, update ${endToEndMs.toFixed(0)} ms`);
  await context.close();
}
await browser.close();
await stack.close();

const figures = {
  bench: 'dashboard', targets, runs, seedS: +seedS.toFixed(1), overviewBytes: bytes,
  apiOverviewMs: +median(api).toFixed(0),
  firstRenderColdMs: +firstRender[0]!.toFixed(0), firstRenderWarmMs: +median(firstRender.slice(1)).toFixed(0),
  updateEndToEndMs: +median(updates.map((u) => u.endToEndMs)).toFixed(0), updateApplyMs: +median(updates.map((u) => u.applyMs)).toFixed(1),
  updateLongestTaskMs: +median(updates.map((u) => u.longestTaskMs)).toFixed(0), pollMs: 500,
};
console.log(JSON.stringify(figures));
console.log(`
| metric (median of ${runs}) | value |
| --- | ---: |
| GET /api/v1/dashboard/overview, ${targets} targets (${(bytes / 1e6).toFixed(1)} MB JSON) | ${figures.apiOverviewMs} ms |
| first render, cold (first viewer: the overview query runs) | ${figures.firstRenderColdMs} ms |
| first render, warm (reload / next viewer within 5 min: cached snapshot) | ${figures.firstRenderWarmMs} ms |
| update: 100 targets down, DB write → rows shown (poll ${figures.pollMs} ms) | ${figures.updateEndToEndMs} ms |
| update: applying it in the page (re-filter, re-sort, redraw) | ${figures.updateApplyMs} ms |
| update: longest main-thread task | ${figures.updateLongestTaskMs} ms |`);
