// Mass outage (issue 3): when more than MASS_OUTAGE_SHARE of the active targets fail every attempt
// of their slot in one region's bucket while that region's controls pass, it stays downtime (it
// may be a real national outage) and one mass_outage event is recorded for the (region, bucket),
// for the alerts to name it (details: the counts when the share was first exceeded). When the controls fail, the evaluator makes the bucket unobserved.
import type { Db } from '../../db/client.ts';
import { failedTargetsInBucket } from '../../db/store/checks.ts';
import { controlVerdicts } from '../../db/store/controls.ts';
import { recordMassOutage } from '../../db/store/availability-events.ts';
import { countActiveTargets } from '../../db/store/availability-targets.ts';
import { bucketOfSlot } from './control-round.ts';

/** One failing target is that target's outage, never a mass outage, whatever the share. */
const MIN_FAILED_TARGETS = 2;

export type MassOutageSettings = { readonly bucketMs: number; readonly massOutageShare: number; readonly controlsRequired: boolean };

/** Checks the bucket of `slotMs` after a failed slot; true when this call recorded the event. */
export async function detectMassOutage(db: Db, region: string, slotMs: number, s: MassOutageSettings): Promise<boolean> {
  const bucketMs = bucketOfSlot(slotMs, s.bucketMs);
  if (s.controlsRequired) {
    const [verdict] = await controlVerdicts(db, bucketMs, bucketMs + 1, region);
    if (!verdict || verdict.failed) return false;
  }
  const failed = await failedTargetsInBucket(db, region, bucketMs, bucketMs + s.bucketMs);
  const active = await countActiveTargets(db);
  if (failed < MIN_FAILED_TARGETS || failed / active <= s.massOutageShare) return false;
  return recordMassOutage(db, region, bucketMs, s.bucketMs / 1000, { failedTargets: failed, activeTargets: active, share: failed / active });
}
