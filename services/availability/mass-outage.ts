// Mass outage (issue 3): when more than MASS_OUTAGE_SHARE of the active targets fail every attempt
// of their slot in one region's bucket while that region's controls pass, it stays downtime (it
// may be a real national outage) and one mass_outage event is recorded for the (region, bucket),
// for the alerts to name it (details: the counts when the share was first exceeded). When the controls fail, the evaluator makes the bucket unobserved.
import type { Db } from '../../db/client.ts';
import { failedTargetsInBucket } from '../../db/store/checks.ts';
import { controlVerdicts } from '../../db/store/controls.ts';
import { flagMassOutages, recordMassOutage } from '../../db/store/availability-events.ts';
import { countActiveTargets } from '../../db/store/availability-targets.ts';
import { bucketOfSlot } from './control-round.ts';

/** One failing target is that target's outage, never a mass outage, whatever the share. */
const MIN_FAILED_TARGETS = 2;

export type MassOutageSettings = { readonly bucketMs: number; readonly massOutageShare: number; readonly controlsRequired: boolean };

type BucketShare = { failed: number; active: number; qualifies: boolean };

async function bucketShare(db: Db, region: string, bucketMs: number, s: MassOutageSettings): Promise<BucketShare> {
  const none = { failed: 0, active: 0, qualifies: false };
  if (s.controlsRequired) {
    const [verdict] = await controlVerdicts(db, bucketMs, bucketMs + 1, region);
    if (!verdict || verdict.failed) return none;
  }
  const failed = await failedTargetsInBucket(db, region, bucketMs, bucketMs + s.bucketMs);
  if (failed < MIN_FAILED_TARGETS) return { ...none, failed };
  const active = await countActiveTargets(db);
  return { failed, active, qualifies: failed / active > s.massOutageShare };
}

/** Checks the bucket of `slotMs` after a failed slot; true when this call recorded the event.
 *  A bucket continuing a mass outage of the previous bucket records no new event (one alert per
 *  mass outage, not one per interval); its outages are flagged all the same. */
export async function detectMassOutage(db: Db, region: string, slotMs: number, s: MassOutageSettings): Promise<boolean> {
  const bucketMs = bucketOfSlot(slotMs, s.bucketMs);
  const now = await bucketShare(db, region, bucketMs, s);
  if (!now.qualifies) return false;
  if ((await bucketShare(db, region, bucketMs - s.bucketMs, s)).qualifies) {
    await flagMassOutages(db, region, bucketMs, bucketMs + s.bucketMs);
    return false;
  }
  return recordMassOutage(db, region, bucketMs, s.bucketMs / 1000, { failedTargets: now.failed, activeTargets: now.active, share: now.failed / now.active });
}
