// Indicator 3: the share of the window the page was available, by time.
import type { UptimeRules } from '../../../config/rulesets/rule-set.ts';
import { scoreByBands } from './bands.ts';

export type UptimeEvidence = { windowS: number; observedS: number; downtimeS: number; maintenanceS?: number };
export type UptimeScore =
  | { measured: true; uptimePct: number; observedShare: number; unobservedS: number; score: number }
  | { measured: false; observedShare: number; unobservedS: number; score: number };

/** Uptime = 1 − downtime / observed time; unobserved time is excluded and reported beside it. */
export function scoreUptime(rules: UptimeRules, e: UptimeEvidence): UptimeScore {
  const downtimeS = e.downtimeS + (rules.maintenanceCountsAsDowntime ? 0 : -(e.maintenanceS ?? 0));
  const observedS = e.observedS - (rules.maintenanceCountsAsDowntime ? 0 : (e.maintenanceS ?? 0));
  const observedShare = e.windowS > 0 ? e.observedS / e.windowS : 0;
  const unobservedS = e.windowS - e.observedS;
  if (observedS <= 0 || observedShare < rules.minObservedShare) {
    return { measured: false, observedShare, unobservedS, score: rules.noMeasurementScore };
  }
  const factor = 10 ** rules.decimals;
  const uptimePct = Math.round((1 - Math.max(0, downtimeS) / observedS) * 100 * factor) / factor;
  return { measured: true, uptimePct, observedShare, unobservedS, score: scoreByBands(uptimePct, rules.bands, rules.floorScore) };
}
