// Combines the regions' timelines of one target (pure): at each instant, among the regions that
// observe the target, it is down iff more than `quorumShare` of them see it down; when none
// observes, the instant is unobserved (controls_* if a region's controls were the reason).
import { mergeSegments } from './region-timeline.ts';
import type { Segment, UnobservedCause } from './types.ts';

function stateAt(segs: readonly Segment[], t: number): Segment | undefined {
  // Segments are sorted and disjoint; a binary search keeps this O(log n).
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    if (t < s.startMs) hi = mid - 1;
    else if (t >= s.endMs) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function combineAt(active: Segment[], quorumShare: number, startMs: number, endMs: number): Segment {
  const observing = active.filter((s) => s.state !== 'unobserved');
  const down = observing.filter((s) => s.state === 'down');
  if (observing.length === 0) {
    const causes = active.map((s) => (s.state === 'unobserved' ? s.cause : 'no_checks'));
    const cause: UnobservedCause = causes.find((c) => c !== 'no_checks') ?? 'no_checks';
    return { startMs, endMs, state: 'unobserved', cause, regions: active.flatMap((s) => s.regions).sort() };
  }
  if (down.length > quorumShare * observing.length) {
    const first = down.reduce((a, b) => (b.startMs < a.startMs ? b : a));
    return { startMs, endMs, state: 'down', cause: first.state === 'down' ? first.cause : 'unknown', regions: down.flatMap((s) => s.regions).sort() };
  }
  // Slow is judged like down: by more than the quorum share of the regions observing.
  const degraded = observing.filter((s) => s.state === 'up' && s.degraded).length > quorumShare * observing.length;
  return { startMs, endMs, state: 'up', regions: observing.flatMap((s) => s.regions).sort(), ...(degraded ? { degraded } : {}) };
}

export function combineRegions(byRegion: ReadonlyArray<readonly Segment[]>, quorumShare: number): Segment[] {
  const edges = [...new Set(byRegion.flatMap((segs) => segs.flatMap((s) => [s.startMs, s.endMs])))].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]!;
    const b = edges[i + 1]!;
    const active = byRegion.map((segs) => stateAt(segs, a)).filter((s): s is Segment => s !== undefined);
    out.push(active.length === 0
      ? { startMs: a, endMs: b, state: 'unobserved', cause: 'no_checks', regions: [] }
      : combineAt(active, quorumShare, a, b));
  }
  return mergeSegments(out);
}
