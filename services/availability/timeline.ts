// The availability timeline of one target (pure): each region's timeline, then the regions'
// quorum. Exact to the millisecond; see region-timeline.ts and combine-regions.ts for the rules.
import { combineRegions } from './combine-regions.ts';
import { regionTimeline } from './region-timeline.ts';
import type { CheckPoint, ControlVerdict, Segment, TimelineSettings } from './types.ts';

export function targetTimeline(checks: readonly CheckPoint[], controls: readonly ControlVerdict[],
  s: TimelineSettings & { readonly quorumShare: number }): Segment[] {
  const regions = [...new Set(checks.map((c) => c.region))].sort();
  return combineRegions(regions.map((r) => regionTimeline(r, checks, controls, s)), s.quorumShare);
}

/** The part of `segments` in [fromMs, ∞); time from fromMs to the first segment is unobserved. */
export function clipFrom(segments: readonly Segment[], fromMs: number): Segment[] {
  const out = segments.filter((s) => s.endMs > fromMs).map((s) => ({ ...s, startMs: Math.max(s.startMs, fromMs) }) as Segment);
  const first = out[0];
  if (first && first.startMs > fromMs) out.unshift({ startMs: fromMs, endMs: first.startMs, state: 'unobserved', cause: 'no_checks', regions: [] });
  return out;
}
