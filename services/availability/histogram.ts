// Response-time histogram with fixed log-scale buckets, so rollups merge by adding arrays and
// percentiles come from merged counts. Bucket i (0 < i < 39) holds [2^(i/2), 2^((i+1)/2)) ms;
// bucket 0 everything below √2 ms, bucket 39 everything from 2^19.5 ms (~12 min) up. A quantile
// is reported as its bucket's upper edge: at most ~41 % above the true value, never below it.
export const histogramSize = 40;

export function emptyHistogram(): number[] {
  return new Array<number>(histogramSize).fill(0);
}

export function bucketOf(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(histogramSize - 1, Math.floor(2 * Math.log2(ms)));
}

export function upperEdgeMs(bucket: number): number {
  return 2 ** ((bucket + 1) / 2);
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: histogramSize }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/** The q-quantile (0 < q ≤ 1) in ms, or null for an empty histogram. */
export function quantileMs(h: readonly number[], q: number): number | null {
  const total = h.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < h.length; i++) {
    seen += h[i] ?? 0;
    if (seen >= rank) return Math.round(upperEdgeMs(i) * 10) / 10;
  }
  return Math.round(upperEdgeMs(h.length - 1) * 10) / 10;
}
