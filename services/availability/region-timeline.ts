// One region's view of one target as segments up | down | unobserved (pure, exact to the ms).
// A slot's observation starts at its first attempt and lasts one interval; a next check arriving
// within interval + grace continues it seamlessly, a later one leaves the time between
// (observation end → next check) unobserved. A check in a bucket where the region's controls
// failed (or have not reported yet) is ignored: its interval is unobserved, not down.
import { slotVerdict, type RegionState } from './slot-verdict.ts';
import type { CheckPoint, ControlVerdict, Segment, TimelineSettings, UnobservedCause } from './types.ts';

type Slot = { slotMs: number; atMs: number; outcomes: CheckPoint['outcome'][]; cause: string | null };

export function groupSlots(checks: readonly CheckPoint[]): Slot[] {
  const bySlot = new Map<number, CheckPoint[]>();
  for (const c of checks) {
    const list = bySlot.get(c.slotMs);
    if (list) list.push(c); else bySlot.set(c.slotMs, [c]);
  }
  return [...bySlot.values()].map((list) => {
    list.sort((a, b) => a.attempt - b.attempt);
    const first = list[0]!;
    const firstDown = list.find((c) => c.outcome === 'down');
    return { slotMs: first.slotMs, atMs: first.checkedMs, outcomes: list.map((c) => c.outcome), cause: firstDown ? (firstDown.errorClass ?? 'unknown') : null };
  }).sort((a, b) => a.atMs - b.atMs);
}

/** The control verdict of a region's bucket: null = controls passed (or none required). */
export function controlProblem(verdicts: ReadonlyMap<number, boolean>, slotMs: number, s: TimelineSettings): UnobservedCause | null {
  const failed = verdicts.get(Math.floor(slotMs / s.bucketMs) * s.bucketMs);
  if (failed === undefined) return s.controlsRequired ? 'controls_pending' : null;
  return failed ? 'controls_failed' : null;
}

type Carry = { state: RegionState | null; cause: string };

/** A slot's segment; a down state carried by a slot without failed attempts keeps the cause of
 *  the failure that started it. */
function observation(slot: Slot, prev: Carry, problem: UnobservedCause | null, s: TimelineSettings, region: string):
  { seg: Segment; carry: Carry } {
  const at = { startMs: slot.atMs, endMs: slot.atMs };
  if (problem) return { seg: { ...at, state: 'unobserved', cause: problem, regions: [region] }, carry: prev };
  const state = slotVerdict(slot.outcomes, prev.state, s.retries);
  if (state === 'up') {
    const degraded = slot.outcomes[0] === 'degraded';
    return { seg: { ...at, state: 'up', regions: [region], ...(degraded ? { degraded } : {}) }, carry: { state, cause: prev.cause } };
  }
  const cause = prev.state === 'down' ? prev.cause : (slot.cause ?? 'unknown');
  return { seg: { ...at, state: 'down', cause, regions: [region] }, carry: { state, cause } };
}

export function regionTimeline(region: string, checks: readonly CheckPoint[], controls: readonly ControlVerdict[], s: TimelineSettings): Segment[] {
  const verdicts = new Map(controls.filter((c) => c.region === region).map((c) => [c.bucketMs, c.failed]));
  const slots = groupSlots(checks.filter((c) => c.region === region));
  const out: Segment[] = [];
  let carry: Carry = { state: null, cause: 'unknown' };
  slots.forEach((slot, i) => {
    const { seg, carry: next0 } = observation(slot, carry, controlProblem(verdicts, slot.slotMs, s), s, region);
    carry = next0;
    const next = slots[i + 1]?.atMs;
    const nominalEnd = slot.atMs + s.intervalMs;
    const endMs = next !== undefined && next <= nominalEnd + s.graceMs ? next : nominalEnd;
    out.push({ ...seg, endMs });
    if (next !== undefined && next > endMs) out.push({ startMs: endMs, endMs: next, state: 'unobserved', cause: 'no_checks', regions: [region] });
  });
  return mergeSegments(out);
}

/** Joins touching segments of the same state (and, when unobserved, cause); a down run keeps its
 *  first cause and the union of regions. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.endMs <= seg.startMs) continue;
    const last = out.at(-1);
    if (last && last.endMs === seg.startMs && sameKind(last, seg)) {
      last.endMs = seg.endMs;
      last.regions = [...new Set([...last.regions, ...seg.regions])].sort();
      continue;
    }
    out.push({ ...seg, regions: [...seg.regions] } as Segment);
  }
  return out;
}

function sameKind(a: Segment, b: Segment): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'up') return (a.degraded ?? false) === ((b as typeof a).degraded ?? false);
  return a.state !== 'unobserved' || a.cause === (b as typeof a).cause;
}

/** A region's confirmed state after these checks (controls not considered): the processor uses it
 *  to decide whether a success must be confirmed as a recovery. */
export function lastRegionState(checks: readonly CheckPoint[], retries: number): RegionState | null {
  let prev: RegionState | null = null;
  for (const slot of groupSlots(checks)) prev = slotVerdict(slot.outcomes, prev, retries);
  return prev;
}
