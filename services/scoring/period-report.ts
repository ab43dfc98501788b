// A period's scores as people read them: per agency, its three indicators, its total and rank, and
// its targets' indicators with their evidence. Closed periods read the frozen rows; an open period
// is computed live from the evidence (nothing stored).
import type { Db } from '../../db/client.ts';
import type { RuleSet } from '../../config/rulesets/rule-set.ts';
import type { Period } from '../../db/store/periods.ts';
import { agencyNames, frozenScores, targetsInPeriod, type AgencyName, type PeriodTarget, type ScoreRow } from '../../db/store/period-scores.ts';
import { computePeriodScores } from './score-period.ts';
import { qualityBand } from './indicators/quality.ts';
import { indicators } from './score-target.ts';
import type { EvidenceSource } from './evidence.ts';

export type IndicatorView = {
  raw: Record<string, unknown>; score: number; band: { fa: string; en: string }; evidence: Record<string, unknown>; evidenceDigest: string;
  /** API paths of the evidence (targets only): outage and unobserved intervals, the speed runs, the TLS scans. */
  links?: Record<string, string>;
};
export type AgencyReport = {
  agency: Omit<AgencyName, 'id'>; id: number; rank: number; total: number; band: { fa: string; en: string };
  indicators: Record<string, IndicatorView>;
  targets: { id: number; url: string; kind: string; indicators: Record<string, IndicatorView> }[];
};

export class NoEvidenceError extends Error {}

export async function periodRows(db: Db, evidence: EvidenceSource | null, period: Period, rules: RuleSet, withEvidence = true): Promise<ScoreRow[]> {
  if (period.closedAt !== null) return frozenScores(db, period.id, undefined, withEvidence);
  if (!evidence) throw new NoEvidenceError('the period is open and the evidence stores are not available in this process');
  return computePeriodScores(db, evidence, period, rules);
}

function evidenceLinks(r: ScoreRow, period: { from: string; to: string }): Record<string, string> {
  const base = `/api/v1/targets/${r.targetId}`;
  const w = r.evidence['window'] as { from: string; to: string } | undefined;
  const q = (x: { from: string; to: string }) => `from=${x.from}&to=${x.to}`;
  if (r.indicator === 'uptime' && w) return { outages: `${base}/outages?${q(w)}`, checks: `${base}/results/uptime?${q(w)}` };
  return { [r.indicator === 'tls' ? 'scans' : 'runs']: `${base}/results/${r.indicator}?${q(period)}` };
}

function indicatorViews(rules: RuleSet, rows: readonly ScoreRow[], period?: { from: string; to: string }): Record<string, IndicatorView> {
  const bandOf = (en: string) => rules.qualityBands.find((b) => b.name.en === en)?.name ?? { fa: en, en };
  return Object.fromEntries(rows.map((r) => [r.indicator, { raw: r.raw, score: r.score, band: bandOf(r.band), evidence: r.evidence,
    evidenceDigest: r.evidenceDigest, ...(period && r.targetId !== null ? { links: evidenceLinks(r, period) } : {}) }]));
}

/** Ranks by total (sum of the agency's indicator scores), best first; equal totals share a rank. */
export function buildReport(rules: RuleSet, rows: readonly ScoreRow[], agencies: readonly AgencyName[], targets: readonly PeriodTarget[],
  period: { from: string; to: string }): AgencyReport[] {
  const reports = agencies.map((a) => {
    const own = rows.filter((r) => r.agencyId === a.id);
    const agencyRows = own.filter((r) => r.targetId === null);
    const total = Math.round(agencyRows.reduce((s, r) => s + r.score, 0) * 1e6) / 1e6;
    const mean100 = agencyRows.length ? (total / agencyRows.length) * 100 : 0;
    const targetViews = targets.filter((t) => t.agencyId === a.id).map((t) => ({
      id: t.id, url: t.url, kind: t.kind, indicators: indicatorViews(rules, own.filter((r) => r.targetId === t.id), period),
    })).filter((t) => Object.keys(t.indicators).length === indicators.length);
    return { agency: { slug: a.slug, nameFa: a.nameFa, nameEn: a.nameEn }, id: a.id, rank: 0, total, band: qualityBand(rules, mean100).name,
      indicators: indicatorViews(rules, agencyRows), targets: targetViews };
  }).filter((r) => Object.keys(r.indicators).length > 0);
  reports.sort((x, y) => y.total - x.total || (x.agency.slug < y.agency.slug ? -1 : 1));
  reports.forEach((r, i) => { r.rank = i > 0 && reports[i - 1]!.total === r.total ? reports[i - 1]!.rank : i + 1; });
  return reports;
}

/** The period's report; without evidence (rankings, exports) the frozen evidence is not read. */
export async function periodReport(db: Db, evidence: EvidenceSource | null, period: Period, rules: RuleSet, withEvidence = true): Promise<AgencyReport[]> {
  const [rows, agencies, targets] = await Promise.all([
    periodRows(db, evidence, period, rules, withEvidence), agencyNames(db), targetsInPeriod(db, period.startsAt, period.endsAt),
  ]);
  return buildReport(rules, rows, agencies, targets, { from: period.startsAt.toISOString(), to: period.endsAt.toISOString() });
}
