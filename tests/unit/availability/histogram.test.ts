import { describe, expect, it } from 'vitest';
import { addHistograms, bucketOf, emptyHistogram, quantileMs, upperEdgeMs } from '../../../services/availability/histogram.ts';
import { rollupRows } from '../../../services/availability/rollup-buckets.ts';

describe('response-time histogram', () => {
  it('puts a value in the bucket whose edges hold it, and reports at most √2 above', () => {
    for (const ms of [1.5, 3, 47, 250, 999, 12_345]) {
      const b = bucketOf(ms);
      expect(upperEdgeMs(b)).toBeGreaterThan(ms);
      expect(upperEdgeMs(b) / ms).toBeLessThanOrEqual(Math.SQRT2 + 1e-9);
    }
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1e9)).toBe(39);
  });

  it('merges by addition and computes p50/p95/p99 of the merged counts', () => {
    const a = emptyHistogram();
    const b = emptyHistogram();
    for (let i = 0; i < 90; i++) a[bucketOf(100)]! += 1;
    for (let i = 0; i < 10; i++) b[bucketOf(3000)]! += 1;
    const h = addHistograms(a, b);
    expect(quantileMs(h, 0.5)).toBeCloseTo(upperEdgeMs(bucketOf(100)), 0);
    expect(quantileMs(h, 0.9)).toBeCloseTo(upperEdgeMs(bucketOf(100)), 0);
    expect(quantileMs(h, 0.95)).toBeCloseTo(upperEdgeMs(bucketOf(3000)), 0);
    expect(quantileMs(emptyHistogram(), 0.5)).toBeNull();
  });
});

describe('rollup rows', () => {
  it('splits down and unobserved seconds over 15-minute buckets, within the coverage', () => {
    const Q = 15 * 60_000;
    const rows = rollupRows(0, 2 * Q, [{ checkedMs: 1000, outcome: 'up', totalMs: 80 }, { checkedMs: Q + 1, outcome: 'down', totalMs: null }], {
      outages: [{ startMs: Q - 60_000, endMs: Q + 120_000 }], spans: [{ startMs: Q + 600_000, endMs: null }],
      degraded: [{ startMs: 0, endMs: 30_000 }], coverage: { startMs: 0, endMs: Q + 660_000 },
    });
    expect(rows.map((r) => [r.checks, r.upChecks, r.downChecks, r.coveredS, r.downS, r.degradedS, r.unobservedS])).toEqual([
      [1, 1, 0, 900, 60, 30, 0],
      [1, 0, 1, 660, 120, 0, 60],
    ]);
    expect(rows[0]!.rtHist[bucketOf(80)]).toBe(1);
  });
});
