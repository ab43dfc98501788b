// One target's three indicator scores for a period, from its evidence, under the period's rules.
// `scoreTargetFacts` is pure (facts in, scores out); `scoreTarget` fetches the facts first.
import type { RuleSet } from '../../config/rulesets/rule-set.ts';
import { scoreUptime } from './indicators/uptime.ts';
import { scoreSpeed } from './indicators/speed.ts';
import { scoreTls, type TlsOutcome } from './indicators/tls.ts';
import { qualityBand } from './indicators/quality.ts';
import { combineSpeed, pick, tlsRank } from './combine.ts';
import { digestOf } from './canonical-json.ts';
import type { EvidenceSource, SpeedRunEvidence, TlsScanEvidence, UptimeWindowEvidence } from './evidence.ts';

export const indicators = ['uptime', 'speed', 'tls'] as const;
export type Indicator = (typeof indicators)[number];

export type IndicatorScore = {
  indicator: Indicator;
  raw: Record<string, unknown>;
  score: number;
  band: string;
  evidence: Record<string, unknown>;
  evidenceDigest: string;
};

export type Window = { fromMs: number; toMs: number };
export type TargetFacts = { uptime: UptimeWindowEvidence; uptimeWindow: Window; tls: readonly TlsScanEvidence[]; speed: readonly SpeedRunEvidence[] };

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The uptime window: the rule set's `windowDays` ending at the period's end, never before its start. */
export function uptimeWindow(rules: RuleSet, period: Window): Window {
  return { fromMs: Math.max(period.fromMs, period.toMs - rules.uptime.windowDays * DAY_MS), toMs: period.toMs };
}

function finish(rules: RuleSet, indicator: Indicator, raw: Record<string, unknown>, score: number, evidence: Record<string, unknown>): IndicatorScore {
  const band = qualityBand(rules, score * 100).name.en;
  return { indicator, raw, score, band, evidence, evidenceDigest: digestOf({ indicator, raw, evidence }) };
}

function uptimeScore(rules: RuleSet, f: TargetFacts): IndicatorScore {
  const windowS = (f.uptimeWindow.toMs - f.uptimeWindow.fromMs) / 1000;
  const u = f.uptime;
  const s = scoreUptime(rules.uptime, { windowS, observedS: u.observedS, downtimeS: u.downtimeS, ...(u.maintenanceS === undefined ? {} : { maintenanceS: u.maintenanceS }) });
  const raw = { uptimePct: s.measured ? s.uptimePct : null, observedS: u.observedS, downtimeS: u.downtimeS, unobservedS: s.unobservedS,
    observedShare: Math.round(s.observedShare * 1e6) / 1e6, ...(u.maintenanceS === undefined ? {} : { downtimeInMaintenanceS: u.maintenanceS }) };
  const evidence = { window: { from: iso(f.uptimeWindow.fromMs), to: iso(f.uptimeWindow.toMs) }, outages: u.outages, unobserved: u.unobserved,
    ...(u.maintenance ? { maintenance: u.maintenance } : {}) };
  return finish(rules, 'uptime', raw, s.score, evidence);
}

function speedScore(rules: RuleSet, f: TargetFacts): IndicatorScore {
  const runs = f.speed.filter((r) => r.profile === rules.speed.profile);
  const percentage = combineSpeed(runs, rules.speed.combine);
  return finish(rules, 'speed', { percentage, runs: runs.length }, scoreSpeed(rules.speed, percentage), { runIds: runs.map((r) => r.id) });
}

function tlsScore(rules: RuleSet, f: TargetFacts): IndicatorScore {
  const scan = pick(f.tls, rules.tls.combine, tlsRank);
  const outcome: TlsOutcome = scan === null ? null : scan.noHttps || scan.grade === null ? { noHttps: true } : { grade: scan.grade };
  const grade = outcome === null ? null : 'grade' in outcome ? outcome.grade : 'no_https';
  const evidence = { scanId: scan?.id ?? null, scannedAt: scan?.at ?? null, scans: f.tls.length };
  return finish(rules, 'tls', { grade }, scoreTls(rules.tls, outcome), evidence);
}

export function scoreTargetFacts(rules: RuleSet, facts: TargetFacts): IndicatorScore[] {
  return [uptimeScore(rules, facts), speedScore(rules, facts), tlsScore(rules, facts)];
}

export async function scoreTarget(rules: RuleSet, period: Window, targetId: number, evidence: EvidenceSource): Promise<IndicatorScore[]> {
  const w = uptimeWindow(rules, period);
  const [uptime, tls, speed] = await Promise.all([
    evidence.uptimeForWindow(targetId, w.fromMs, w.toMs),
    evidence.tlsScansInWindow(targetId, period.fromMs, period.toMs),
    evidence.speedMeasurementsInWindow(targetId, period.fromMs, period.toMs),
  ]);
  return scoreTargetFacts(rules, { uptime, uptimeWindow: w, tls, speed });
}
