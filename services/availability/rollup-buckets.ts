// Per-target 15-minute rollup rows (pure): outcome counts and a response-time histogram from
// attempt-0 checks, and covered / down / unobserved seconds from the intervals, clipped to the
// evaluated coverage. Up seconds = covered − down − unobserved.
import { bucketOf, emptyHistogram } from './histogram.ts';

export const ROLLUP_MS = 15 * 60_000;

export type RollupRow = {
  bucketMs: number; checks: number; upChecks: number; degradedChecks: number; downChecks: number;
  coveredS: number; downS: number; unobservedS: number; rtHist: number[];
};
export type Interval = { startMs: number; endMs: number | null };
export type PointSample = { checkedMs: number; outcome: 'up' | 'degraded' | 'down'; totalMs: number | null };

function overlapMs(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function secondsIn(intervals: readonly Interval[], b0: number, b1: number, cov: Interval): number {
  const c0 = Math.max(b0, cov.startMs);
  const c1 = Math.min(b1, cov.endMs ?? b1);
  let ms = 0;
  for (const i of intervals) ms += overlapMs(i.startMs, i.endMs ?? c1, c0, c1);
  return ms / 1000;
}

export function rollupRows(fromMs: number, toMs: number, samples: readonly PointSample[], outages: readonly Interval[],
  spans: readonly Interval[], coverage: Interval): RollupRow[] {
  const rows: RollupRow[] = [];
  for (let b0 = Math.floor(fromMs / ROLLUP_MS) * ROLLUP_MS; b0 < toMs; b0 += ROLLUP_MS) {
    const b1 = b0 + ROLLUP_MS;
    const inBucket = samples.filter((p) => p.checkedMs >= b0 && p.checkedMs < b1);
    const rtHist = emptyHistogram();
    for (const p of inBucket) if (p.outcome !== 'down' && p.totalMs !== null) rtHist[bucketOf(p.totalMs)]! += 1;
    rows.push({
      bucketMs: b0,
      checks: inBucket.length,
      upChecks: inBucket.filter((p) => p.outcome === 'up').length,
      degradedChecks: inBucket.filter((p) => p.outcome === 'degraded').length,
      downChecks: inBucket.filter((p) => p.outcome === 'down').length,
      coveredS: overlapMs(b0, b1, coverage.startMs, coverage.endMs ?? b1) / 1000,
      downS: secondsIn(outages, b0, b1, coverage),
      unobservedS: secondsIn(spans, b0, b1, coverage),
      rtHist,
    });
  }
  return rows;
}
