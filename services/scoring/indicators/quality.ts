import type { RuleSet } from '../../../config/rulesets/rule-set.ts';

/** The quality level (عالی، خوب، متوسط، ضعیف) of a 0..100 score. */
export function qualityBand(rules: RuleSet, score100: number): RuleSet['qualityBands'][number] {
  return rules.qualityBands.find((b) => score100 >= b.min) ?? rules.qualityBands.at(-1)!;
}
