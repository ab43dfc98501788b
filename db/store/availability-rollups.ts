// Availability rollups, kept forever: 15-minute rows per target, aggregated to UTC days. They
// answer long windows (response-time percentiles, counts) without scanning raw checks; exact
// uptime for a window comes from the intervals (db/store/availability.ts).
import type { Db } from '../client.ts';
import { attemptZeroRows } from './checks.ts';
import { listOutages, listUnobservedSpans, readCoverage } from './availability.ts';
import { ROLLUP_MS, rollupRows, type Interval, type RollupRow } from '../../services/availability/rollup-buckets.ts';
import { addHistograms, emptyHistogram, quantileMs } from '../../services/availability/histogram.ts';

const DAY_MS = 86_400_000;

const set = (cols: readonly string[]) => cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
const valueCols = ['checks', 'up_checks', 'degraded_checks', 'down_checks', 'covered_s', 'down_s', 'degraded_s', 'unobserved_s', 'rt_hist'] as const;

/** Upserts all rows in one statement (a long gap re-derived at once makes thousands). */
async function upsert15m(db: Db, targetId: number, rows: readonly RollupRow[]): Promise<void> {
  const json = JSON.stringify(rows.map((r) => ({ bucket_at: new Date(r.bucketMs).toISOString(), checks: r.checks, up_checks: r.upChecks,
    degraded_checks: r.degradedChecks, down_checks: r.downChecks, covered_s: r.coveredS, down_s: r.downS, degraded_s: r.degradedS, unobserved_s: r.unobservedS, rt_hist: r.rtHist })));
  await db.query(`INSERT INTO availability_rollups_15m (target_id, bucket_at, ${valueCols.join(', ')})
    SELECT $1, x.bucket_at, ${valueCols.map((c) => `x.${c}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS x(bucket_at timestamptz,
      checks int, up_checks int, degraded_checks int, down_checks int, covered_s float8, down_s float8, degraded_s float8, unobserved_s float8, rt_hist int[])
    ON CONFLICT (target_id, bucket_at) DO UPDATE SET ${set(valueCols)}`, [targetId, json]);
}

/** Re-aggregates the UTC days of [fromMs, toMs) from their 15-minute rows, in one statement. */
async function rollDays(db: Db, targetId: number, fromMs: number, toMs: number): Promise<void> {
  await db.query(`WITH q AS (SELECT (bucket_at AT TIME ZONE 'UTC')::date AS day, * FROM availability_rollups_15m
      WHERE target_id = $1 AND bucket_at >= $2 AND bucket_at < $3),
    h AS (SELECT day, array_agg(v ORDER BY i) AS rt_hist FROM (SELECT day, i, sum(x)::int AS v
      FROM q, unnest(q.rt_hist) WITH ORDINALITY AS u(x, i) GROUP BY day, i) s GROUP BY day)
    INSERT INTO availability_rollups_1d (target_id, day, ${valueCols.join(', ')})
    SELECT $1, q.day, sum(checks), sum(up_checks), sum(degraded_checks), sum(down_checks), sum(covered_s), sum(down_s),
      sum(degraded_s), sum(unobserved_s), h.rt_hist FROM q JOIN h USING (day) GROUP BY q.day, h.rt_hist
    ON CONFLICT (target_id, day) DO UPDATE SET ${set(valueCols)}`, [targetId, new Date(fromMs), new Date(toMs)]);
}

/** Recomputes the 15-minute rows touching [fromMs, toMs) and the days that hold them. `degraded`:
 *  the evaluator's slow-but-up intervals (not stored as intervals; only their seconds are kept). */
export async function recomputeRollups(db: Db, targetId: number, fromMs: number, toMs: number, degraded: readonly Interval[] = []): Promise<void> {
  const coverage = await readCoverage(db, targetId);
  if (!coverage || toMs <= fromMs) return;
  const b0 = Math.floor(fromMs / ROLLUP_MS) * ROLLUP_MS;
  const b1 = Math.ceil(toMs / ROLLUP_MS) * ROLLUP_MS;
  // One after the other: inside a transaction they share one connection.
  const samples = await attemptZeroRows(db, targetId, b0 - ROLLUP_MS, b1);
  const outages = await listOutages(db, targetId, b0, b1);
  const spans = await listUnobservedSpans(db, targetId, b0, b1);
  const iv = { outages, spans, degraded, coverage: { startMs: coverage.fromMs, endMs: coverage.toMs } };
  await upsert15m(db, targetId, rollupRows(b0, b1, samples, iv));
  await rollDays(db, targetId, Math.floor(b0 / DAY_MS) * DAY_MS, Math.ceil(b1 / DAY_MS) * DAY_MS);
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
