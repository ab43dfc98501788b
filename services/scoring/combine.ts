// How a window's several TLS scans or speed runs become one value (rule set: latest, median,
// worst, best). Inputs are in time order; ties and even counts resolve deterministically.
import { tlsSymbols } from '../../config/rulesets/rule-set.ts';
import type { RuleSet } from '../../config/rulesets/rule-set.ts';
import type { SpeedRunEvidence, TlsScanEvidence } from './evidence.ts';

export type Combine = RuleSet['tls']['combine'];

/** Picks one item; `rank` orders from best (low) to worst (high). Median of an even count: the worse middle. */
export function pick<T>(items: readonly T[], how: Combine, rank: (x: T) => number): T | null {
  if (items.length === 0) return null;
  if (how === 'latest') return items.at(-1)!;
  const sorted = [...items].sort((a, b) => rank(a) - rank(b));
  if (how === 'best') return sorted[0]!;
  if (how === 'worst') return sorted.at(-1)!;
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** TLS ranks: the rater's symbols in order, then "no HTTPS" as the worst. */
export function tlsRank(s: TlsScanEvidence): number {
  return s.noHttps || s.grade === null ? tlsSymbols.length : tlsSymbols.indexOf(s.grade);
}

/** The speed percentage of a window; median of an even count is the mean of the two middles, rounded. */
export function combineSpeed(runs: readonly SpeedRunEvidence[], how: Combine): number | null {
  if (runs.length === 0) return null;
  if (how !== 'median') return pick(runs, how, (r) => -r.percentage)!.percentage;
  const v = runs.map((r) => r.percentage).sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : Math.round((v[mid - 1]! + v[mid]!) / 2);
}
