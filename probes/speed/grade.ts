// The GTmetrix-style grade of one Lighthouse run (issue 5):
//   performance = Lighthouse's performance score × 100
//   structure   = 100 × Σ(weight × verdict) / Σ(weight) over the structure audits that have a
//                 verdict for this page (structure-audits.ts lists them with their weights)
//   percentage  = weights.performance × performance + weights.structure × structure
// The weights are rule-set data (60/40 today); the mapping of the percentage onto indicator 4
// lives in config/rulesets, not here.
import type { GradeWeights, LighthouseResult, StructureEntry } from './types.ts';
import { structureAudits, type StructureAudit } from './structure-audits.ts';

export const defaultGradeWeights: GradeWeights = { performance: 0.6, structure: 0.4 };

export function structureEntries(lhr: LighthouseResult, audits: readonly StructureAudit[] = structureAudits): StructureEntry[] {
  const entries: StructureEntry[] = [];
  for (const rule of audits) {
    const audit = lhr.audits[rule.id];
    const score = audit ? rule.score(audit) : null;
    if (score !== null) entries.push({ auditId: rule.id, weight: rule.meta.weight, score });
  }
  return entries;
}

/** 0..100, or null when no structure audit had a verdict. */
export function structureScore(entries: readonly StructureEntry[]): number | null {
  const total = entries.reduce((s, e) => s + e.weight, 0);
  if (total === 0) return null;
  return (100 * entries.reduce((s, e) => s + e.weight * e.score, 0)) / total;
}

export function performanceScore(lhr: LighthouseResult): number | null {
  const score = lhr.categories.performance?.score;
  return typeof score === 'number' ? score * 100 : null;
}

export function combinedPercentage(performance: number, structure: number, weights: GradeWeights): number {
  const sum = weights.performance + weights.structure;
  return (weights.performance * performance + weights.structure * structure) / sum;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
