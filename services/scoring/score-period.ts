// A period's scores: every target's three indicators and every agency's, computed from the
// evidence under the period's rule set. Closing a period freezes them (stored rows); rebuilding
// recomputes them from the same stored evidence and must give identical rows.
import type { Db } from '../../db/client.ts';
import type { RuleSet } from '../../config/rulesets/rule-set.ts';
import type { Period } from '../../db/store/periods.ts';
import { markPeriodClosed } from '../../db/store/periods.ts';
import { allAgencyIds, frozenScores, insertScores, targetsInPeriod, type ScoreRow } from '../../db/store/period-scores.ts';
import { scoreTarget } from './score-target.ts';
import { scoreAgency, type ScoredTarget } from './score-agency.ts';
import type { EvidenceSource } from './evidence.ts';
import { canonicalJson } from './canonical-json.ts';

const BATCH = 8; // targets scored at once: bounded load on the evidence stores

export async function computePeriodScores(db: Db, evidence: EvidenceSource, period: Period, rules: RuleSet): Promise<ScoreRow[]> {
  const window = { fromMs: period.startsAt.getTime(), toMs: period.endsAt.getTime() };
  const targets = await targetsInPeriod(db, period.startsAt, period.endsAt);
  const scored: (ScoredTarget & { agencyId: number })[] = [];
  for (let i = 0; i < targets.length; i += BATCH) {
    const batch = targets.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((t) => scoreTarget(rules, window, t.id, evidence)));
    batch.forEach((t, j) => scored.push({ targetId: t.id, agencyId: t.agencyId, kind: t.kind, scores: results[j]! }));
  }
  const rows: ScoreRow[] = [];
  for (const agencyId of await allAgencyIds(db)) {
    const own = scored.filter((s) => s.agencyId === agencyId);
    for (const s of scoreAgency(rules, own)) rows.push({ agencyId, targetId: null, ...s });
    for (const t of own) for (const s of t.scores) rows.push({ agencyId, targetId: t.targetId, ...s });
  }
  return sortRows(rows);
}

const indicatorOrder = { speed: 0, tls: 1, uptime: 2 } as const;

/** Agency, then its own row before its targets', then indicator: the order frozenScores returns. */
export function sortRows<T extends ScoreRow>(rows: T[]): T[] {
  return rows.sort((a, b) => a.agencyId - b.agencyId || (a.targetId ?? 0) - (b.targetId ?? 0)
    || indicatorOrder[a.indicator] - indicatorOrder[b.indicator]);
}

export class PeriodStateError extends Error {}

/** Freezes the period's scores and marks it closed, in one transaction; only once the period has ended. */
export async function closePeriod(db: Db, evidence: EvidenceSource, period: Period, rules: RuleSet, nowMs: number): Promise<number> {
  if (nowMs < period.endsAt.getTime()) throw new PeriodStateError(`period "${period.slug}" has not ended yet (it ends ${period.endsAt.toISOString()})`);
  const rows = await computePeriodScores(db, evidence, period, rules);
  return db.tx(async (t) => {
    if (!(await markPeriodClosed(t, period.id))) throw new PeriodStateError(`period "${period.slug}" is already closed`);
    await insertScores(t, period.id, { id: period.ruleSetId, version: period.ruleSetVersion }, rows);
    return rows.length;
  });
}

/** The comparable part of a score row (what a rebuild must reproduce). */
export function comparable(r: ScoreRow): string {
  return canonicalJson({ a: r.agencyId, t: r.targetId, i: r.indicator, raw: r.raw, s: r.score, b: r.band, e: r.evidence, d: r.evidenceDigest });
}

/**
 * Recomputes a closed period's scores from the stored evidence and compares them with the frozen
 * rows. Frozen rows are never overwritten: when they are missing (deleted), the rebuilt rows are
 * stored; when they exist, the answer says whether the rebuild reproduces them.
 */
export async function rebuildPeriodScores(db: Db, evidence: EvidenceSource, period: Period, rules: RuleSet) {
  if (period.closedAt === null) throw new PeriodStateError(`period "${period.slug}" is not closed: nothing is frozen`);
  const before = (await frozenScores(db, period.id)).map(comparable);
  const rows = await computePeriodScores(db, evidence, period, rules);
  const after = rows.map(comparable);
  if (before.length === 0) {
    await db.tx((t) => insertScores(t, period.id, { id: period.ruleSetId, version: period.ruleSetVersion }, rows));
    return { rows: rows.length, restored: true, identical: true, differing: 0 };
  }
  const differing = after.filter((x, i) => x !== before[i]).length + Math.max(0, before.length - after.length);
  return { rows: rows.length, restored: false, identical: differing === 0, differing };
}
