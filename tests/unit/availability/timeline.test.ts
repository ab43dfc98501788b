// The pure availability evaluator on literal checks: confirmation, validity of observations,
// controls, the regions' quorum and the transitions.
import { describe, expect, it } from 'vitest';
import { targetTimeline, clipFrom } from '../../../services/availability/timeline.ts';
import { outageTransitions } from '../../../services/availability/transitions.ts';
import { lastRegionState } from '../../../services/availability/region-timeline.ts';
import type { CheckPoint, ControlVerdict, Segment } from '../../../services/availability/types.ts';

const MIN = 60_000;
const settings = { intervalMs: MIN, bucketMs: MIN, graceMs: 30_000, retries: 2, controlsRequired: false, quorumShare: 0.5 };
type O = CheckPoint['outcome'];

function slot(region: string, slotMs: number, outcomes: readonly O[], errorClass = 'connection_refused'): CheckPoint[] {
  return outcomes.map((outcome, attempt) => ({
    region, slotMs, attempt, checkedMs: slotMs + attempt * 10_000, outcome, errorClass: outcome === 'down' ? errorClass : null,
  }));
}
/** Slots every minute from minute `from` (inclusive) to `to` (exclusive), all with `outcomes`. */
function run(region: string, from: number, to: number, outcomes: readonly O[]): CheckPoint[] {
  return Array.from({ length: to - from }, (_, i) => slot(region, (from + i) * MIN, outcomes)).flat();
}
const brief = (segs: Segment[]) => segs.map((s) => [s.state, s.startMs / MIN, s.endMs / MIN, s.state === 'up' ? null : s.cause]);
const UP = ['up'] as const;
const DOWN3 = ['down', 'down', 'down'] as const;
const UP3 = ['up', 'up', 'up'] as const;

describe('confirmation', () => {
  it('all up: one up segment, each check observing one interval', () => {
    expect(brief(targetTimeline(run('a', 0, 10, UP), [], settings))).toEqual([['up', 0, 10, null]]);
  });

  it('a failed check followed by a successful retry is not an outage', () => {
    const checks = [...run('a', 0, 3, UP), ...slot('a', 3 * MIN, ['down', 'up']), ...run('a', 4, 6, UP)];
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['up', 0, 6, null]]);
  });

  it('an outage starts at the first failed check and ends at the first success of the confirmed recovery', () => {
    const checks = [...run('a', 0, 3, UP), ...run('a', 3, 6, DOWN3), ...slot('a', 6 * MIN, ['up', 'down']), ...run('a', 7, 8, UP3), ...run('a', 8, 10, UP)];
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['up', 0, 3, null], ['down', 3, 7, 'connection_refused'], ['up', 7, 10, null]]);
  });

  it('a failure whose retries are not stored yet (pending) keeps the previous state', () => {
    const checks = [...run('a', 0, 3, UP), ...slot('a', 3 * MIN, ['down'])];
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['up', 0, 4, null]]);
  });

  it('a lone success while down is not a recovery; the processor asks for confirmation', () => {
    const checks = [...run('a', 0, 2, DOWN3), ...slot('a', 2 * MIN, ['up'])];
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['down', 0, 3, 'connection_refused']]);
    expect(lastRegionState(checks, 2)).toBe('down');
    expect(lastRegionState(run('a', 0, 2, UP), 2)).toBe('up');
  });
});

describe('observation validity', () => {
  it('probes stopping for 2 hours leave exactly those 2 hours unobserved', () => {
    const checks = [...run('a', 0, 10, UP), ...run('a', 130, 135, UP)];
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['up', 0, 10, null], ['unobserved', 10, 130, 'no_checks'], ['up', 130, 135, null]]);
  });

  it('a check late by less than the grace continues the observation', () => {
    const checks = [...slot('a', 0, UP), ...slot('a', MIN + 25_000, UP)];
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['up', 0, (2 * MIN + 25_000) / MIN, null]]);
  });

  it('checks in buckets whose controls failed are ignored: unobserved, not down', () => {
    const checks = [...run('a', 0, 3, UP), ...run('a', 3, 5, DOWN3), ...run('a', 5, 7, UP)];
    const controls: ControlVerdict[] = [3, 4].map((m) => ({ region: 'a', bucketMs: m * MIN, failed: true }));
    expect(brief(targetTimeline(checks, controls, settings))).toEqual([['up', 0, 3, null], ['unobserved', 3, 5, 'controls_failed'], ['up', 5, 7, null]]);
  });

  it('with controls required, a bucket without control results is pending (unobserved)', () => {
    const checks = run('a', 0, 3, UP);
    const controls: ControlVerdict[] = [0, 1].map((m) => ({ region: 'a', bucketMs: m * MIN, failed: false }));
    expect(brief(targetTimeline(checks, controls, { ...settings, controlsRequired: true })))
      .toEqual([['up', 0, 2, null], ['unobserved', 2, 3, 'controls_pending']]);
  });

  it('a down state carried across a gap keeps the cause of the failure that started it', () => {
    const checks = [...run('a', 0, 2, UP), ...slot('a', 2 * MIN, DOWN3, 'dns_nxdomain'), ...slot('a', 10 * MIN, ['up', 'down'])];
    const segs = targetTimeline(checks, [], settings);
    expect(brief(segs)).toEqual([['up', 0, 2, null], ['down', 2, 3, 'dns_nxdomain'], ['unobserved', 3, 10, 'no_checks'], ['down', 10, 11, 'dns_nxdomain']]);
  });
});

describe('quorum of regions', () => {
  const three = (downIn: string[]) => ['a', 'b', 'c'].flatMap((r) => (downIn.includes(r) ? [...run(r, 0, 2, UP), ...run(r, 2, 5, DOWN3)] : run(r, 0, 5, UP)));

  it('1 of 3 regions down: up', () => {
    expect(brief(targetTimeline(three(['a']), [], settings))).toEqual([['up', 0, 5, null]]);
  });

  it('2 of 3 regions down: down, naming them', () => {
    const segs = targetTimeline(three(['b', 'c']), [], settings);
    expect(brief(segs)).toEqual([['up', 0, 2, null], ['down', 2, 5, 'connection_refused']]);
    expect(segs[1]!.regions).toEqual(['b', 'c']);
  });

  it('regions not observing are left out of the quorum', () => {
    const checks = [...run('a', 0, 5, DOWN3), ...run('b', 0, 5, UP), ...run('c', 0, 2, UP)];
    // minutes 0-2: 1 of 3 down → up; from 2 on only a and b observe: 1 of 2 is not more than half
    expect(brief(targetTimeline(checks, [], settings))).toEqual([['up', 0, 5, null]]);
  });
});

describe('degraded (slow but up)', () => {
  it('is up time, marked degraded where the quorum of observing regions saw it slow', () => {
    const checks = [
      ...run('a', 0, 2, UP), ...run('a', 2, 4, ['degraded']), ...run('a', 4, 6, UP),
      ...run('b', 0, 3, ['degraded']), ...run('b', 3, 6, UP),
    ];
    // two regions: slow needs more than half, i.e. both
    const segs = targetTimeline(checks, [], settings);
    expect(segs.map((g) => [g.state, g.startMs / MIN, g.endMs / MIN, g.state === 'up' && g.degraded === true])).toEqual([
      ['up', 0, 2, false], ['up', 2, 3, true], ['up', 3, 6, false],
    ]);
  });
});

describe('transitions', () => {
  it('opens at the first failed check, closes at the recovery; unobserved time in between changes nothing', () => {
    const checks = [...run('a', 0, 2, UP), ...run('a', 2, 4, DOWN3), ...run('a', 20, 22, DOWN3), ...run('a', 22, 24, UP3)];
    const segs = targetTimeline(checks, [], settings);
    const events = outageTransitions(segs, 0);
    expect(events.map((e) => [e.kind, e.atMs / MIN])).toEqual([['outage_opened', 2], ['outage_closed', 22]]);
    expect(events[1]!.details).toEqual({ openedAt: new Date(2 * MIN).toISOString(), durationMs: 20 * MIN });
  });

  it('transitions before the re-derived range are only context', () => {
    const segs = targetTimeline([...run('a', 0, 2, UP), ...run('a', 2, 4, DOWN3), ...run('a', 4, 6, UP3)], [], settings);
    expect(outageTransitions(segs, 3 * MIN).map((e) => e.kind)).toEqual(['outage_closed']);
  });

  it('clipFrom fills the time before the first segment with unobserved', () => {
    const segs = targetTimeline(run('a', 5, 7, UP), [], settings);
    expect(brief(clipFrom(segs, 3 * MIN))).toEqual([['unobserved', 3, 5, 'no_checks'], ['up', 5, 7, null]]);
    expect(brief(clipFrom(segs, 6 * MIN))).toEqual([['up', 6, 7, null]]);
  });
});
