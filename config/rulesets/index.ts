// The registry of shipped rule sets. A rule set used by a period is never edited: add a new one.
import type { RuleSet } from './rule-set.ts';
import { period6 } from './period-6.ts';

export const ruleSets: ReadonlyMap<string, RuleSet> = new Map([[period6.id, period6]]);
export const defaultRuleSetId = period6.id;
