// Re-derives one target's stored availability after a check: loads the recent checks of every
// region and the control verdicts, computes the timeline, and in one transaction replaces the
// stored intervals from the re-derived range start, extends the coverage, records new transitions
// (each once) and recomputes the touched rollups. Idempotent: running it again changes nothing.
import type { Db } from '../../db/client.ts';
import { checkPoints, firstSlotMs } from '../../db/store/checks.ts';
import { controlVerdicts } from '../../db/store/controls.ts';
import { readCoverage, replaceSegments, writeCoverage } from '../../db/store/availability.ts';
import { recordTransitions } from '../../db/store/availability-events.ts';
import { recomputeRollups } from '../../db/store/availability-rollups.ts';
import type { AvailabilitySettings } from './settings.ts';
import { clipFrom, targetTimeline } from './timeline.ts';
import { outageTransitions } from './transitions.ts';

export type EvaluationSummary = { rangeStartMs: number; endMs: number; segments: number; newEvents: number } | null;

const LOCK_CLASS = 7_361_010; // with the target id: "availability of target N"

async function evaluateLocked(db: Db, targetId: number, s: AvailabilitySettings, nowMs: number): Promise<EvaluationSummary> {
  const coverage = await readCoverage(db, targetId);
  // The first evaluation of a target derives everything stored for it (a backfill, a rebuild).
  const wanted = coverage ? Math.max(coverage.fromMs, Math.min(coverage.toMs, nowMs - s.lookbackMs)) : await firstSlotMs(db, targetId);
  if (wanted === null) return null;
  const loadFrom = wanted - s.contextMs;
  const loadTo = nowMs + 1;
  const checks = await checkPoints(db, targetId, loadFrom, loadTo);
  const controls = await controlVerdicts(db, loadFrom - s.bucketMs, loadTo);
  const timeline = targetTimeline(checks, controls, s);
  const first = timeline[0];
  const last = timeline.at(-1);
  if (!first || !last) return null;
  const rangeStartMs = coverage ? wanted : Math.max(wanted, first.startMs);
  const endMs = last.endMs;
  if (endMs <= rangeStartMs) return null;
  const segments = clipFrom(timeline, rangeStartMs);
  await replaceSegments(db, targetId, rangeStartMs, segments, endMs);
  await writeCoverage(db, targetId, { fromMs: coverage?.fromMs ?? rangeStartMs, toMs: endMs }, nowMs);
  const newEvents = await recordTransitions(db, targetId, outageTransitions(timeline, rangeStartMs));
  const degraded = timeline.filter((g) => g.state === 'up' && g.degraded === true);
  await recomputeRollups(db, targetId, rangeStartMs, endMs, degraded);
  return { rangeStartMs, endMs, segments: segments.length, newEvents };
}

export async function evaluateTarget(db: Db, targetId: number, s: AvailabilitySettings, nowMs: number): Promise<EvaluationSummary> {
  return db.tx(async (t) => {
    // Two regions' jobs of one target may finish together: one evaluation at a time per target.
    if (t.engine === 'postgres') await t.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, targetId]);
    return evaluateLocked(t, targetId, s, nowMs);
  });
}
