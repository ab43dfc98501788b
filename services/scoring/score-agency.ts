// An agency's indicator: its portal's score when the rule set says "portal only", else the mean of
// its targets' (every target the period saw, retired ones included). An agency with nothing to score gets the rule set's "no measurement" score.
import type { RuleSet } from '../../config/rulesets/rule-set.ts';
import { qualityBand } from './indicators/quality.ts';
import { digestOf } from './canonical-json.ts';
import { indicators, type Indicator, type IndicatorScore } from './score-target.ts';

export type ScoredTarget = { targetId: number; kind: 'portal' | 'service'; scores: readonly IndicatorScore[] };

const noMeasurement = (rules: RuleSet, i: Indicator): number => rules[i].noMeasurementScore;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function aggregateOne(rules: RuleSet, indicator: Indicator, targets: readonly ScoredTarget[]): IndicatorScore {
  // Portal only: the newest portal target of the period (a portal whose URL changed mid-period was
  // retired and replaced; the replacement is the agency's portal at the period's end).
  const portals = targets.filter((t) => t.kind === 'portal').sort((a, b) => a.targetId - b.targetId);
  const used = rules.agency.aggregate === 'portal_only' ? portals.slice(-1) : targets;
  const parts = used.map((t) => ({ targetId: t.targetId, s: t.scores.find((x) => x.indicator === indicator)! }));
  const score = parts.length === 0 ? noMeasurement(rules, indicator) : round6(parts.reduce((a, p) => a + p.s.score, 0) / parts.length);
  const raw = parts.length === 1 ? { ...parts[0]!.s.raw, from: 'portal' } : { targets: parts.length, scores: parts.map((p) => p.s.score) };
  const evidence = { aggregate: rules.agency.aggregate, targets: parts.map((p) => ({ targetId: p.targetId, evidenceDigest: p.s.evidenceDigest })) };
  return { indicator, raw, score, band: qualityBand(rules, score * 100).name.en, evidence, evidenceDigest: digestOf({ indicator, raw, evidence }) };
}

export function scoreAgency(rules: RuleSet, targets: readonly ScoredTarget[]): IndicatorScore[] {
  return indicators.map((i) => aggregateOne(rules, i, targets));
}
