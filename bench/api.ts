// bench/api: the uptime route and a period export over a year of per-minute history for 200
// targets. The history is generated in SQL the way the availability evaluator stores it (exact
// intervals: coverage, outages to the minute, unobserved spans), with TLS scans daily and speed
// measurements every 6 h. Prints p50/p99 of GET /api/v1/targets/:id/uptime for a day, a month and
// a year, and of a closed period's CSV and XLSX export (frozen scores). Figures only; asserts
// nothing. Needs Postgres on 127.0.0.1.   npx node bench/api.ts [requests=300]
import { buildApp } from '../services/api/app.ts';
import { migrate } from '../db/migrate.ts';
import { seedAgenciesIfEmpty } from '../services/registry/import-agencies.ts';
import { issueApiKey } from '../services/api/auth/issue-key.ts';
import { createPeriod } from '../db/store/periods.ts';
import { getRuleSet } from '../db/store/rule-sets.ts';
import { closePeriod } from '../services/scoring/score-period.ts';
import { dbEvidence } from '../services/scoring/evidence-db.ts';
import { pgSchema } from '../tests/helpers/databases.ts';
import { silentLogger } from '../tests/helpers/logger.ts';

const requests = Number(process.argv[2] ?? 300);
const TARGETS = 200;
const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 21);
const yearAgo = now - 366 * DAY;

const t = await pgSchema();
try {
  const t0 = performance.now();
  await migrate(t.db);
  await seedAgenciesIfEmpty(t.db, 'config/agencies.csv');
  const app = await buildApp({ db: t.db, logger: silentLogger, readiness: [], evidence: dbEvidence(t.db), rateLimitPerMinute: 1e9 });
  // 157 portals from the seed list + service pages up to 200 targets, all older than the history.
  await t.db.query(`INSERT INTO targets (agency_id, kind, url) SELECT a.id, 'service', 'https://' || a.slug || '.example/s' || g
    FROM agencies a, generate_series(1, 2) g ORDER BY a.id, g LIMIT $1 - (SELECT count(*) FROM targets)`, [TARGETS]);
  await t.db.query('UPDATE targets SET created_at = $1', [new Date(yearAgo - DAY)]);
  const q = (sql: string) => t.db.query(sql, [new Date(yearAgo), new Date(now)]);
  await q(`INSERT INTO availability_coverage (target_id, covered_from, covered_to, evaluated_at) SELECT id, $1, $2, $2 FROM targets`);
  // One outage a day of 0-6 minutes at a minute that drifts per target, and a 2 h one every 45 days.
  await q(`INSERT INTO outages (target_id, started_at, ended_at, cause, regions)
    SELECT t.id, d + make_interval(mins => (t.id::int * 37 + extract(doy FROM d)::int * 11) % 600), d + make_interval(mins => (t.id::int * 37 + extract(doy FROM d)::int * 11) % 600 + 1 + t.id::int % 6),
      'connect_timeout', '{tehran,mashhad}'
    FROM targets t, generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') d`);
  await q(`INSERT INTO outages (target_id, started_at, ended_at, cause, regions)
    SELECT t.id, d + interval '12 hours', d + interval '14 hours', 'http_status', '{tehran}'
    FROM targets t, generate_series($1::timestamptz + make_interval(days => 3 + t.id::int % 40), $2::timestamptz - interval '2 days', interval '45 days') d`);
  // A 10-minute unobserved span a week (no checks from any region).
  await q(`INSERT INTO unobserved_spans (target_id, started_at, ended_at, cause, regions)
    SELECT t.id, d + interval '1430 minutes', d + interval '1440 minutes', 'no_checks', '{}'
    FROM targets t, generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '7 days') d`);
  await q(`INSERT INTO tls_scans (target_id, region, slot_at, scanned_at, outcome, grade, duration_ms, evidence)
    SELECT t.id, 'tehran', d, d, 'graded', (ARRAY['A+','A','A-','B','C','F','T'])[1 + (t.id::int + extract(doy FROM d)::int / 60) % 7], 400, '{}'
    FROM targets t, generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') d`);
  await q(`INSERT INTO speed_measurements (target_id, region, slot_at, measured_at, outcome, profile, settings_hash, runs_requested, runs_used, percentage, evidence)
    SELECT t.id, 'tehran', d, d, 'measured', 'gtmetrix-desktop', 'h', 3, 3, (t.id::int * 13 + extract(hour FROM d)::int) % 101, '{}'
    FROM targets t, generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '6 hours') d`);
  await t.db.query('ANALYZE');
  const counts = (await t.db.query<Record<string, number>>(`SELECT (SELECT count(*) FROM targets)::int AS targets, (SELECT count(*) FROM outages)::int AS outages,
    (SELECT count(*) FROM unobserved_spans)::int AS unobserved, (SELECT count(*) FROM tls_scans)::int AS tls, (SELECT count(*) FROM speed_measurements)::int AS speed`))[0]!;
  const seedS = (performance.now() - t0) / 1000;

  const period = await createPeriod(t.db, { slug: 'p13', nameFa: 'دوره سیزدهم', nameEn: 'period 13', startsAt: new Date(now - 182 * DAY), endsAt: new Date(now - DAY),
    ruleSetId: 'period-6', ruleSetVersion: 1 });
  const c0 = performance.now();
  await closePeriod(t.db, dbEvidence(t.db), period, (await getRuleSet(t.db, 'period-6', 1))!.body, now);
  const closeMs = performance.now() - c0;

  const key = await issueApiKey(t.db, { role: 'admin' });
  if (!key.ok) throw new Error(key.reason);
  const headers = { authorization: `Bearer ${key.key}` };

  function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
    const ms = [...samples].sort((a, b) => a - b);
    const at = (p: number) => +ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(2);
    return { p50: at(0.5), p99: at(0.99), max: at(1) };
  }

  async function measure(n: number, url: (i: number) => string): Promise<{ p50: number; p99: number; max: number }> {
    for (let i = 0; i < 10; i++) await app.inject({ url: url(i), headers }); // warm plans and the JIT
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      const res = await app.inject({ url: url(i), headers });
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${url(i)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    return percentiles(ms);
  }

  // The three windows interleaved, so warm-up and the machine's load weigh on each alike.
  const windows = { day: DAY, month: 30 * DAY, year: 365 * DAY } as const;
  const names = Object.keys(windows) as Array<keyof typeof windows>;
  const uptimeUrl = (i: number) => {
    const span = windows[names[i % 3]!];
    const to = now - (Math.floor(i / 3) % 50) * 3_600_000;
    return `/api/v1/targets/${1 + ((Math.floor(i / 3) * 7919) % TARGETS)}/uptime?from=${new Date(to - span).toISOString()}&to=${new Date(to).toISOString()}`;
  };
  for (let i = 0; i < 30; i++) await app.inject({ url: uptimeUrl(i), headers });
  const samples: Record<string, number[]> = { day: [], month: [], year: [] };
  for (let i = 0; i < requests * 3; i++) {
    const s = performance.now();
    const res = await app.inject({ url: uptimeUrl(i), headers });
    samples[names[i % 3]!]!.push(performance.now() - s);
    if (res.statusCode !== 200) throw new Error(`${uptimeUrl(i)} → ${res.statusCode}`);
  }
  const uptime = Object.fromEntries(names.map((n) => [n, percentiles(samples[n]!)]));
  const exportCsv = await measure(Math.max(20, Math.floor(requests / 5)), () => '/api/v1/periods/p13/export.csv');
  const exportXlsx = await measure(Math.max(20, Math.floor(requests / 10)), () => '/api/v1/periods/p13/export.xlsx');
  await app.close();

  const figures = { bench: 'api', requests, ...counts, seedS: +seedS.toFixed(1), closePeriodMs: +closeMs.toFixed(0), uptime, exportCsv, exportXlsx };
  console.log(JSON.stringify(figures));
  console.log('\n| query | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: |');
  for (const [name, r] of [...Object.entries(uptime).map(([k, v]) => [`uptime, ${k} window`, v] as const), ['period export CSV', exportCsv] as const, ['period export XLSX', exportXlsx] as const]) {
    console.log(`| ${name} | ${r.p50} | ${r.p99} | ${r.max} |`);
  }
  console.log(`\nhistory: ${counts['targets']} targets, ${counts['outages']} outages, ${counts['unobserved']} unobserved spans, ${counts['tls']} TLS scans, ${counts['speed']} speed measurements; seeded in ${seedS.toFixed(1)} s; closing the period (freezing ${counts['targets']} targets' scores) took ${closeMs.toFixed(0)} ms`);
} finally {
  await t.drop();
}
