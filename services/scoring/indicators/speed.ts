// Indicator 4: the GTmetrix-style percentage (performance and structure, weighted by the rule set).
import type { SpeedRules } from '../../../config/rulesets/rule-set.ts';
import { scoreByBands } from './bands.ts';

export function speedPercentage(rules: SpeedRules, performance: number, structure: number): number {
  return Math.round(rules.performanceWeight * performance + rules.structureWeight * structure);
}

export function scoreSpeed(rules: SpeedRules, percentage: number | null): number {
  return percentage === null ? rules.noMeasurementScore : scoreByBands(percentage, rules.bands, rules.floorScore);
}
