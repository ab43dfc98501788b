// The shape of a scoring rule set: the data that turns raw measurements into indicator scores
// for one evaluation period. Rule sets are versioned data (P5): a period keeps the id and version
// it was scored with, and a rule set is added, never edited, once a period used it. A rule set
// that leaves anything undefined is rejected when loaded.
import { z } from 'zod';

const score = z.number().min(0).max(1);
/** Bands: `min` is an inclusive lower bound; the first band (highest min) that fits wins. */
const bands = z.array(z.object({ min: z.number(), score })).min(1)
  .refine((b) => b.every((x, i) => i === 0 || b[i - 1]!.min > x.min), { error: 'bands must be in descending order of min' });
const combine = z.enum(['latest', 'median', 'worst', 'best']);
const localized = z.object({ fa: z.string().min(1), en: z.string().min(1) });

export const tlsSymbols = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M'] as const;
export type TlsSymbol = (typeof tlsSymbols)[number];

export const ruleSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  version: z.number().int().min(1),
  name: localized,
  source: z.string().min(1),
  uptime: z.object({
    /** The measured window: the `windowDays` that end at the period's end. */
    windowDays: z.number().int().min(1).max(366),
    bands,
    /** Score below every band. */
    floorScore: score,
    /** Uptime percentage rounded to this many decimals before the bands apply. */
    decimals: z.number().int().min(0).max(6),
    /** Below this share of the window observed, the result is "no measurement". */
    minObservedShare: z.number().min(0).max(1),
    noMeasurementScore: score,
    /** Whether announced maintenance windows count as downtime. */
    maintenanceCountsAsDowntime: z.boolean(),
  }).strict(),
  speed: z.object({
    profile: z.string().min(1),
    performanceWeight: z.number().min(0).max(1),
    structureWeight: z.number().min(0).max(1),
    bands,
    floorScore: score,
    combine,
    noMeasurementScore: score,
  }).strict().refine((s) => Math.abs(s.performanceWeight + s.structureWeight - 1) < 1e-9, { error: 'speed weights must add up to 1' }),
  tls: z.object({
    grades: z.object(Object.fromEntries(tlsSymbols.map((g) => [g, score])) as Record<TlsSymbol, typeof score>).strict(),
    noHttps: score,
    combine,
    noMeasurementScore: score,
  }).strict(),
  agency: z.object({ aggregate: z.enum(['mean_of_targets', 'portal_only']) }).strict(),
  qualityBands: z.array(z.object({ min: z.number().min(0).max(100), name: localized })).min(1),
}).strict();

export type RuleSet = z.output<typeof ruleSetSchema>;
export type UptimeRules = RuleSet['uptime'];
export type SpeedRules = RuleSet['speed'];
export type TlsRules = RuleSet['tls'];

export class RuleSetError extends Error {}

/** Validates a rule set; the error names every missing or bad field. */
export function parseRuleSet(input: unknown): RuleSet {
  const parsed = ruleSetSchema.safeParse(input);
  if (parsed.success) return Object.freeze(parsed.data);
  const id = (input as { id?: unknown })?.id;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new RuleSetError(`rule set ${JSON.stringify(id ?? '?')} is invalid: ${problems.join('; ')}`);
}
