import type { RuleSet } from '../../../config/rulesets/rule-set.ts';

type Bands = RuleSet['uptime']['bands'];

/** The score of the first band whose inclusive minimum `value` reaches, else `floor`. */
export function scoreByBands(value: number, bands: Bands, floor: number): number {
  return bands.find((b) => value >= b.min)?.score ?? floor;
}
