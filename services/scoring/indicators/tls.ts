// Indicator 5: the TLS grade's score, or the score for a host with no HTTPS at all.
import type { TlsRules, TlsSymbol } from '../../../config/rulesets/rule-set.ts';

export type TlsOutcome = { grade: TlsSymbol } | { noHttps: true } | null;

export function scoreTls(rules: TlsRules, outcome: TlsOutcome): number {
  if (outcome === null) return rules.noMeasurementScore;
  return 'grade' in outcome ? rules.grades[outcome.grade] : rules.noHttps;
}
