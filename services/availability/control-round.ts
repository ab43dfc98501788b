// Control targets (issue 3, "Our own failures are not the agency's downtime"): sites independent
// of the agencies that each region probes once per bucket (one uptime interval). Kinds of jobs are
// fixed (uptime|tls|speed), so there is no control job: the first uptime job of a (region,
// bucket) claims the round in the database and probes the controls before its own target; the
// others find it claimed and go on. The evaluator ignores a region's checks in a bucket whose
// controls mostly failed (unobserved, controls_failed) or have not reported (controls_pending).
import type { Db } from '../../db/client.ts';
import { claimControlRound, insertControlChecks } from '../../db/store/controls.ts';
import type { UptimeOptions } from '../../probes/uptime/options.ts';
import type { UptimeResult, UptimeTarget } from '../../probes/uptime/result.ts';

export type ProbeFn = (target: UptimeTarget, options: UptimeOptions, signal?: AbortSignal) => Promise<UptimeResult>;

export type ControlRoundDeps = {
  db: Db; probe: ProbeFn; probeOptions: UptimeOptions; now: () => number;
  controlUrls: readonly string[]; bucketMs: number;
};

export function bucketOfSlot(slotMs: number, bucketMs: number): number {
  return Math.floor(slotMs / bucketMs) * bucketMs;
}

/** Probes the controls if this call claims the round; returns whether it did. */
export async function runControlRound(deps: ControlRoundDeps, region: string, slotMs: number, signal: AbortSignal): Promise<boolean> {
  if (deps.controlUrls.length === 0) return false;
  const bucketMs = bucketOfSlot(slotMs, deps.bucketMs);
  if (!(await claimControlRound(deps.db, region, bucketMs, deps.bucketMs / 1000, deps.now()))) return false;
  const results = await Promise.all(deps.controlUrls.map(async (url) => {
    const r = await deps.probe({ url }, deps.probeOptions, signal);
    return { url, checkedMs: Date.parse(r.checkedAt), ok: r.outcome !== 'down', errorClass: r.outcome === 'down' ? r.error.class : null };
  }));
  await insertControlChecks(deps.db, region, bucketMs, results);
  return true;
}
