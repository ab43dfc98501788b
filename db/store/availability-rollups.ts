// Availability rollups, kept forever: 15-minute rows per target, aggregated to UTC days. They
// answer long windows (response-time percentiles, counts) without scanning raw checks; exact
// uptime for a window comes from the intervals (db/store/availability.ts).
import type { Db } from '../client.ts';
import { attemptZeroRows } from './checks.ts';
import { listOutages, listUnobservedSpans, readCoverage } from './availability.ts';
import { ROLLUP_MS, rollupRows, type RollupRow } from '../../services/availability/rollup-buckets.ts';
import { addHistograms, emptyHistogram, quantileMs } from '../../services/availability/histogram.ts';

const DAY_MS = 86_400_000;

async function upsert15m(db: Db, targetId: number, r: RollupRow): Promise<void> {
  await db.query(`INSERT INTO availability_rollups_15m (target_id, bucket_at, checks, up_checks, degraded_checks, down_checks,
      covered_s, down_s, unobserved_s, rt_hist) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    ON CONFLICT (target_id, bucket_at) DO UPDATE SET checks = EXCLUDED.checks, up_checks = EXCLUDED.up_checks,
      degraded_checks = EXCLUDED.degraded_checks, down_checks = EXCLUDED.down_checks, covered_s = EXCLUDED.covered_s,
      down_s = EXCLUDED.down_s, unobserved_s = EXCLUDED.unobserved_s, rt_hist = EXCLUDED.rt_hist`,
  [targetId, new Date(r.bucketMs), r.checks, r.upChecks, r.degradedChecks, r.downChecks, r.coveredS, r.downS, r.unobservedS, r.rtHist]);
}

async function rollDay(db: Db, targetId: number, dayMs: number): Promise<void> {
  await db.query(`INSERT INTO availability_rollups_1d (target_id, day, checks, up_checks, degraded_checks, down_checks,
      covered_s, down_s, unobserved_s, rt_hist)
    SELECT $1, $2::date, sum(checks), sum(up_checks), sum(degraded_checks), sum(down_checks), sum(covered_s), sum(down_s),
      sum(unobserved_s), (SELECT array_agg(v ORDER BY i) FROM (SELECT i, sum(x)::int AS v
        FROM availability_rollups_15m r2, unnest(r2.rt_hist) WITH ORDINALITY AS u(x, i)
        WHERE r2.target_id = $1 AND r2.bucket_at >= $3 AND r2.bucket_at < $4 GROUP BY i) h)
    FROM availability_rollups_15m WHERE target_id = $1 AND bucket_at >= $3 AND bucket_at < $4
    ON CONFLICT (target_id, day) DO UPDATE SET checks = EXCLUDED.checks, up_checks = EXCLUDED.up_checks,
      degraded_checks = EXCLUDED.degraded_checks, down_checks = EXCLUDED.down_checks, covered_s = EXCLUDED.covered_s,
      down_s = EXCLUDED.down_s, unobserved_s = EXCLUDED.unobserved_s, rt_hist = EXCLUDED.rt_hist`,
  [targetId, new Date(dayMs).toISOString().slice(0, 10), new Date(dayMs), new Date(dayMs + DAY_MS)]);
}

/** Recomputes the 15-minute rows touching [fromMs, toMs) and the days that hold them. */
export async function recomputeRollups(db: Db, targetId: number, fromMs: number, toMs: number): Promise<void> {
  const coverage = await readCoverage(db, targetId);
  if (!coverage || toMs <= fromMs) return;
  const b0 = Math.floor(fromMs / ROLLUP_MS) * ROLLUP_MS;
  const b1 = Math.ceil(toMs / ROLLUP_MS) * ROLLUP_MS;
  const [samples, outages, spans] = await Promise.all([attemptZeroRows(db, targetId, b0 - ROLLUP_MS, b1),
    listOutages(db, targetId, b0, b1), listUnobservedSpans(db, targetId, b0, b1)]);
  const cov = { startMs: coverage.fromMs, endMs: coverage.toMs };
  for (const row of rollupRows(b0, b1, samples, outages, spans, cov)) await upsert15m(db, targetId, row);
  for (let d = Math.floor(b0 / DAY_MS) * DAY_MS; d < b1; d += DAY_MS) await rollDay(db, targetId, d);
}

type HistRow = { rt_hist: number[] };

/** p50/p95/p99 of attempt-0 response times over [from, to): whole UTC days from the day rollups,
 *  the edges from 15-minute rows (to 15-minute precision). */
export async function responseTimePercentiles(db: Db, targetId: number, from: Date, to: Date):
  Promise<{ samples: number; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null }> {
  const f = Math.ceil(from.getTime() / ROLLUP_MS) * ROLLUP_MS;
  const t = Math.floor(to.getTime() / ROLLUP_MS) * ROLLUP_MS;
  const d0 = Math.ceil(f / DAY_MS) * DAY_MS;
  const d1 = Math.max(d0, Math.floor(t / DAY_MS) * DAY_MS);
  const days = await db.query<HistRow>(`SELECT rt_hist FROM availability_rollups_1d WHERE target_id = $1 AND day >= $2::date AND day < $3::date`,
    [targetId, new Date(d0).toISOString().slice(0, 10), new Date(d1).toISOString().slice(0, 10)]);
  const edges = await db.query<HistRow>(`SELECT rt_hist FROM availability_rollups_15m WHERE target_id = $1 AND bucket_at >= $2 AND bucket_at < $3
    AND (bucket_at < $4 OR bucket_at >= $5)`, [targetId, new Date(f), new Date(t), new Date(d0), new Date(d1)]);
  const h = [...days, ...edges].reduce((acc, r) => addHistograms(acc, r.rt_hist), emptyHistogram());
  return { samples: h.reduce((s, n) => s + n, 0), p50Ms: quantileMs(h, 0.5), p95Ms: quantileMs(h, 0.95), p99Ms: quantileMs(h, 0.99) };
}
