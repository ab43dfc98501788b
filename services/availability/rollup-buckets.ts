// Per-target 15-minute rollup rows (pure): outcome counts and a response-time histogram from
// attempt-0 checks, and covered / down / degraded / unobserved seconds from the intervals, clipped
// to the evaluated coverage. Up seconds = covered − down − unobserved (degraded ones included).
import { bucketOf, emptyHistogram } from './histogram.ts';

export const ROLLUP_MS = 15 * 60_000;

export type RollupRow = {
  bucketMs: number; checks: number; upChecks: number; degradedChecks: number; downChecks: number;
  coveredS: number; downS: number; degradedS: number; unobservedS: number; rtHist: number[];
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

export type RollupIntervals = { outages: readonly Interval[]; spans: readonly Interval[]; degraded: readonly Interval[]; coverage: Interval };

function samplesByBucket(samples: readonly PointSample[]): Map<number, PointSample[]> {
  const by = new Map<number, PointSample[]>();
  for (const p of samples) {
    const b = Math.floor(p.checkedMs / ROLLUP_MS) * ROLLUP_MS;
    const list = by.get(b);
    if (list) list.push(p); else by.set(b, [p]);
  }
  return by;
}

export function rollupRows(fromMs: number, toMs: number, samples: readonly PointSample[], iv: RollupIntervals): RollupRow[] {
  const rows: RollupRow[] = [];
  const byBucket = samplesByBucket(samples);
  for (let b0 = Math.floor(fromMs / ROLLUP_MS) * ROLLUP_MS; b0 < toMs; b0 += ROLLUP_MS) {
    const b1 = b0 + ROLLUP_MS;
    const inBucket = byBucket.get(b0) ?? [];
    const rtHist = emptyHistogram();
    for (const p of inBucket) if (p.outcome !== 'down' && p.totalMs !== null) rtHist[bucketOf(p.totalMs)]! += 1;
    rows.push({
      bucketMs: b0,
      checks: inBucket.length,
      upChecks: inBucket.filter((p) => p.outcome === 'up').length,
      degradedChecks: inBucket.filter((p) => p.outcome === 'degraded').length,
      downChecks: inBucket.filter((p) => p.outcome === 'down').length,
      coveredS: overlapMs(b0, b1, iv.coverage.startMs, iv.coverage.endMs ?? b1) / 1000,
      downS: secondsIn(iv.outages, b0, b1, iv.coverage),
      degradedS: secondsIn(iv.degraded, b0, b1, iv.coverage),
      unobservedS: secondsIn(iv.spans, b0, b1, iv.coverage),
      rtHist,
    });
  }
  return rows;
}
