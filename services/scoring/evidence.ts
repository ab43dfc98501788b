// The evidence scores rest on, as the scoring reads it. The availability store
// (`uptimeForWindow`, outages and unobserved spans) and the lead's result stores
// (`tlsScansInWindow`, `speedMeasurementsInWindow`) satisfy this once bound to a Db; scoring
// never reads their tables directly. Times are ISO-8601 UTC strings so evidence digests are stable.
import type { TlsSymbol } from '../../config/rulesets/rule-set.ts';

export type Interval = { id?: number; from: string; to: string };

export type UptimeWindowEvidence = {
  observedS: number;
  downtimeS: number;
  unobservedS: number;
  /** Announced maintenance inside the window (counted as downtime or not by the rule set). */
  maintenanceS?: number;
  outages: readonly Interval[];
  unobserved: readonly Interval[];
  /** The announced maintenance windows that apply, when there are any. */
  maintenance?: readonly Interval[];
};

export type TlsScanEvidence = { id: number; at: string; grade: TlsSymbol | null; noHttps: boolean };

export type SpeedRunEvidence = { id: number; at: string; percentage: number; profile: string };

export type UptimeTotals = Pick<UptimeWindowEvidence, 'observedS' | 'downtimeS' | 'unobservedS'>;

export interface EvidenceSource {
  /** The sums only (the uptime route): no interval lists. */
  uptimeTotals(targetId: number, fromMs: number, toMs: number): Promise<UptimeTotals>;
  uptimeForWindow(targetId: number, fromMs: number, toMs: number): Promise<UptimeWindowEvidence>;
  tlsScansInWindow(targetId: number, fromMs: number, toMs: number): Promise<readonly TlsScanEvidence[]>;
  speedMeasurementsInWindow(targetId: number, fromMs: number, toMs: number): Promise<readonly SpeedRunEvidence[]>;
}
