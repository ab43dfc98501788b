// bench/scale: the whole pipeline (one `sanjeh scheduler`, N `sanjeh worker --probes uptime`,
// private Redis and Postgres) against local fixture targets. Prints checks stored per second,
// schedule lag (slot → first attempt started, from checks.checked_at), slot → stored (the workers'
// sanjeh_job_latency_seconds histogram over the window), lost slots, and CPU / memory per process.
//   npx node bench/scale.ts [--targets 10000] [--interval 60] [--workers 2] [--concurrency 300]
//     [--fail 0.1] [--warmup 60] [--measure 120]
// Asserts nothing. Failing targets answer 503: confirmed with UPTIME_RETRIES retries, so they
// hold a worker slot for retries × UPTIME_RETRY_DELAY_S by design.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runSanjeh, type Running } from '../tests/helpers/process.ts';
import { tempDir } from '../tests/helpers/databases.ts';
import { privatePostgres, privateRedis } from '../tests/helpers/private-services.ts';
import { slotsBetween } from '../services/scheduler/slots.ts';

const { values: a } = parseArgs({ options: {
  targets: { type: 'string', default: '10000' }, interval: { type: 'string', default: '60' }, workers: { type: 'string', default: '2' },
  concurrency: { type: 'string', default: '300' }, fail: { type: 'string', default: '0' }, warmup: { type: 'string', default: '60' },
  measure: { type: 'string', default: '120' }, 'queue-only': { type: 'boolean', default: false } } });
const N = Number(a.targets); const INTERVAL_S = Number(a.interval); const FAIL = Number(a.fail);
const WARMUP_MS = Number(a.warmup) * 1000; const MEASURE_MS = Number(a.measure) * 1000;

const fixture = createServer((req, res) => {
  const id = Number(req.url!.split('/').pop());
  res.writeHead(id % Math.round(1 / FAIL || Infinity) === 0 && FAIL > 0 ? 503 : 200, { 'content-type': 'text/html' }).end('<html>ok</html>');
});
fixture.listen(0, '127.0.0.1');
await once(fixture, 'listening');
const base = `http://127.0.0.1:${(fixture.address() as { port: number }).port}`;

const [pgs, redis] = await Promise.all([privatePostgres(), privateRedis()]);
const dir = tempDir('sanjeh-bench-');
writeFileSync(`${dir.path}/empty.csv`, 'slug,name_fa,name_en,portal_url\n');
const env = { DATABASE_URL: pgs.url, REDIS_URL: redis.url, SEED_AGENCIES_FILE: `${dir.path}/empty.csv`, LOG_LEVEL: 'warn',
  UPTIME_INTERVAL_S: String(INTERVAL_S), UPTIME_CONCURRENCY: a.concurrency!, ALLOW_PRIVATE_TARGETS: 'true' };
const db = new pg.Client({ connectionString: pgs.url });
const procs: Array<{ name: string; r: Running }> = [];

async function setup(): Promise<void> {
  const m = runSanjeh(['migrate'], env);
  if ((await once(m.child, 'exit'))[0] !== 0) throw new Error(m.lines.join('\n'));
  await db.connect();
  await db.query(`INSERT INTO agencies (slug, name_fa, name_en) SELECT 'a' || n, 'الف', 'A' FROM generate_series(1, $1) n`, [N]);
  await db.query(`INSERT INTO targets (agency_id, kind, url) SELECT id, 'portal', $1 || '/t/' || id FROM agencies`, [base]);
}

function cpuTicks(pid: number): number {
  try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return Number(f[11]) + Number(f[12]); } catch { return 0; }
}
function rssMiB(pid: number): number {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024; } catch { return 0; }
}
async function pgPids(): Promise<number[]> {
  const pid = ((await db.query("SELECT pg_backend_pid() AS pid")).rows[0] as { pid: number }).pid;
  const postmaster = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  const all = (await import('node:fs')).readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  return [postmaster, ...all.filter((p) => { try { return Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster; } catch { return false; } })];
}
async function groups(): Promise<Record<string, number[]>> {
  const { Redis } = await import('ioredis');
  const r = new Redis(redis.url);
  const info = await r.info('server').finally(() => r.disconnect());
  const g: Record<string, number[]> = { postgres: await pgPids(), redis: [Number(/process_id:(\d+)/.exec(info)![1])], bench: [process.pid] };
  for (const p of procs) g[p.name] = [p.r.child.pid!];
  return g;
}
const sample = (g: Record<string, number[]>) => Object.fromEntries(Object.entries(g).map(([k, pids]) => [k, pids.reduce((s, p) => s + cpuTicks(p), 0)]));

async function histogram(port: number, name: string): Promise<Map<number, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map<number, number>();
  for (const l of text.split('\n')) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)".*\\} (\\d+)`).exec(l);
    if (m) out.set(m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2]));
  }
  return out;
}
async function counter(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith(`${name}{`)).reduce((s, l) => s + Number(l.split(' ').pop()), 0);
}
/** Percentile from cumulative bucket counts, linear inside the bucket (as histogram_quantile). */
function quantile(b: Map<number, number>, q: number): number {
  const les = [...b.keys()].sort((x, y) => x - y);
  const total = b.get(Infinity) ?? 0;
  if (!total) return NaN;
  let prevLe = 0; let prevN = 0;
  for (const le of les) {
    const n = b.get(le)!;
    if (n >= q * total) return le === Infinity ? prevLe : prevLe + (le - prevLe) * ((q * total - prevN) / Math.max(1, n - prevN));
    prevLe = le; prevN = n;
  }
  return prevLe;
}

async function startProcesses(): Promise<number[]> {
  const ports: number[] = [];
  procs.push({ name: 'scheduler', r: runSanjeh(['scheduler', '--probes', 'uptime'], env) });
  for (let i = 0; i < Number(a.workers); i++) {
    const r = runSanjeh(['worker', '--probes', 'uptime', '--metrics-port', '0'], env);
    procs.push({ name: `worker${i + 1}`, r });
    ports.push(Number(/:(\d+)\/metrics/.exec(await r.waitFor(/Sanjeh metrics on/))![1]));
  }
  return ports;
}

/** CPU ticks per process group and the workers' latency histogram and late-skip counter, now. */
async function snapshot(ports: number[], g: Record<string, number[]>) {
  const hists = await Promise.all(ports.map((p) => histogram(p, 'sanjeh_job_latency_seconds')));
  const lat = new Map<number, number>();
  for (const h of hists) for (const [k, v] of h) lat.set(k, (lat.get(k) ?? 0) + v);
  const skipped = (await Promise.all(ports.map((p) => counter(p, 'sanjeh_jobs_skipped_late_total')))).reduce((x, v) => x + v, 0);
  const text = await (await fetch(`http://127.0.0.1:${ports[0]}/metrics`)).text();
  const waiting = text.split('\n').filter((l) => /^sanjeh_queue_jobs\{.*state="waiting"/.test(l)).reduce((x, l) => x + Number(l.split(' ').pop()), 0);
  return { cpu: sample(g), lat, skipped, waiting };
}

/** Peak RSS per process group and busy Postgres connections, sampled every 2 s. */
function sampler(g: Record<string, number[]>) {
  const rssMax: Record<string, number> = {};
  const pgBusy: number[] = [];
  const timer = setInterval(() => {
    for (const [k, pids] of Object.entries(g)) rssMax[k] = Math.max(rssMax[k] ?? 0, pids.reduce((x, p) => x + rssMiB(p), 0));
    void db.query(`SELECT count(*) FILTER (WHERE state <> 'idle')::int AS n FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`).then((r) => pgBusy.push((r.rows[0] as { n: number }).n), () => {});
  }, 2000);
  return { stop: () => { clearInterval(timer); return { rssMax, pgBusyAvg: pgBusy.reduce((x, v) => x + v, 0) / Math.max(1, pgBusy.length) }; } };
}

async function storedInWindow(w0: number, w1: number) {
  const ids = (await db.query('SELECT id FROM targets')).rows as Array<{ id: number }>;
  const expected = ids.reduce((x, r) => x + slotsBetween(Number(r.id), INTERVAL_S * 1000, w0, w1).length, 0);
  const q = (await db.query(`SELECT count(*)::int AS n, percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP
    (ORDER BY extract(epoch FROM checked_at - slot_at)) AS lag FROM checks WHERE attempt = 0 AND slot_at > $1 AND slot_at <= $2`,
  [new Date(w0), new Date(w1)])).rows[0] as { n: number; lag: number[] | null };
  return { expected, stored: q.n, lag: q.lag ?? [NaN, NaN] };
}

async function main(): Promise<void> {
  await setup();
  const ports = await startProcesses();
  const w0 = Date.now() + WARMUP_MS; const w1 = w0 + MEASURE_MS; const secs = MEASURE_MS / 1000;
  await new Promise((r) => setTimeout(r, w0 - Date.now()));
  const g = await groups();
  const s0 = await snapshot(ports, g);
  const sampling = sampler(g);
  await new Promise((r) => setTimeout(r, w1 - Date.now()));
  const s1 = await snapshot(ports, g);
  const { rssMax, pgBusyAvg } = sampling.stop();
  // Let the window's last slots finish (lateness budget = one interval, plus the failing targets' retries).
  await new Promise((r) => setTimeout(r, (INTERVAL_S + 25) * 1000));
  const w = await storedInWindow(w0, w1);
  const lat = new Map([...s1.lat].map(([k, v]) => [k, v - (s0.lat.get(k) ?? 0)]));
  const result = {
    bench: 'scale', targets: N, intervalS: INTERVAL_S, workers: Number(a.workers), concurrency: Number(a.concurrency), failShare: FAIL,
    expectedSlots: w.expected, storedSlots: w.stored, unobservedSlots: w.expected - w.stored, skippedLate: s1.skipped - s0.skipped,
    checksPerS: +(w.stored / secs).toFixed(1), scheduleLagP50S: +w.lag[0]!.toFixed(3), scheduleLagP99S: +w.lag[1]!.toFixed(3),
    storedP50S: +quantile(lat, 0.5).toFixed(2), storedP99S: +quantile(lat, 0.99).toFixed(2),
    waitingAtEnd: s1.waiting, pgBusyConnsAvg: +pgBusyAvg.toFixed(1), loadAvg1m: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
    cpuPct: Object.fromEntries(Object.keys(s0.cpu).map((k) => [k, Math.round((s1.cpu[k]! - s0.cpu[k]!) / secs)])),
    rssMiB: Object.fromEntries(Object.entries(rssMax).map(([k, v]) => [k, Math.round(v)])),
  };
  console.log(JSON.stringify(result));
  console.table(Object.entries(result).filter(([, v]) => typeof v !== 'object').map(([k, v]) => ({ metric: k, value: v })));
  console.table(Object.keys(result.cpuPct).map((k) => ({ process: k, 'cpu %': result.cpuPct[k], 'max RSS MiB': result.rssMiB[k] })));
}

/** The queue path alone: N jobs through BullMQ (Redis) into a no-op processor, in this process. */
async function queueOnly(): Promise<void> {
  const { bullmqQueue } = await import('../workers/queue-bullmq.ts');
  const q = bullmqQueue<{ n: number }>('probe-uptime-bench', { redisUrl: redis.url });
  const t0 = Date.now();
  for (let i = 0; i < N; i += 500) await Promise.all(Array.from({ length: Math.min(500, N - i) }, (_, k) => q.add(`uptime-${i + k}-bench-1`, { n: i + k })));
  const enqueuedS = (Date.now() - t0) / 1000;
  let done = 0; let finish!: () => void;
  const all = new Promise<void>((r) => { finish = r; });
  const t1 = Date.now();
  q.process(async () => { if (++done === N) finish(); }, Number(a.concurrency));
  await all;
  const r = { bench: 'scale-queue-only', jobs: N, enqueuePerS: Math.round(N / enqueuedS), processPerS: Math.round(N / ((Date.now() - t1) / 1000)),
    loadAvg1m: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]) };
  console.log(JSON.stringify(r));
  console.table([r]);
  await q.close();
}

try {
  await (a['queue-only'] ? queueOnly() : main());
} finally {
  await Promise.all(procs.map((p) => p.r.stop(10_000).catch(() => null)));
  await db.end().catch(() => {});
  await Promise.all([pgs.destroy(), redis.destroy()]);
  fixture.close();
  dir.remove();
}
