// Frozen scores of closed periods, and the targets a period scores.
import type { Db } from '../client.ts';

export type ScoreRow = {
  agencyId: number; targetId: number | null; indicator: 'uptime' | 'speed' | 'tls';
  raw: Record<string, unknown>; score: number; band: string; evidence: Record<string, unknown>; evidenceDigest: string;
};
export type StoredScore = ScoreRow & { ruleSetId: string; ruleSetVersion: number; frozenAt: Date };
export type PeriodTarget = { id: number; agencyId: number; kind: 'portal' | 'service'; url: string; name: string | null };

/** Targets that existed during [from, to): created before its end and not retired before its start. */
export async function targetsInPeriod(db: Db, from: Date, to: Date): Promise<PeriodTarget[]> {
  return db.query<PeriodTarget>(`SELECT id, agency_id AS "agencyId", kind, url, name FROM targets
    WHERE created_at < $2 AND (retired_at IS NULL OR retired_at > $1) ORDER BY agency_id, id`, [from.toISOString(), to.toISOString()]);
}

export async function insertScores(db: Db, periodId: number, ruleSet: { id: string; version: number }, rows: readonly ScoreRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: unknown[] = [periodId, ruleSet.id, ruleSet.version];
    const values = chunk.map((r) => {
      params.push(r.agencyId, r.targetId, r.indicator, JSON.stringify(r.raw), r.score, r.band, JSON.stringify(r.evidence), r.evidenceDigest);
      const n = params.length;
      return `($1, $${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}::jsonb, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n}, $2, $3)`;
    });
    await db.query(`INSERT INTO period_scores (period_id, agency_id, target_id, indicator, raw, score, band, evidence,
      evidence_digest, rule_set_id, rule_set_version) VALUES ${values.join(', ')}`, params);
  }
}

/** Frozen rows of a period; `withEvidence: false` leaves the (large) evidence out, for rankings and exports. */
export async function frozenScores(db: Db, periodId: number, agencyId?: number, withEvidence = true): Promise<StoredScore[]> {
  return db.query<StoredScore>(`SELECT agency_id AS "agencyId", target_id AS "targetId", indicator, raw, score, band,
      ${withEvidence ? 'evidence' : `'{}'::jsonb AS evidence`},
      evidence_digest AS "evidenceDigest", rule_set_id AS "ruleSetId", rule_set_version AS "ruleSetVersion", frozen_at AS "frozenAt"
    FROM period_scores WHERE period_id = $1 AND ($2::bigint IS NULL OR agency_id = $2)
    ORDER BY agency_id, target_id NULLS FIRST, indicator`, [periodId, agencyId ?? null]);
}

export async function deleteFrozenScores(db: Db, periodId: number): Promise<number> {
  return (await db.query('DELETE FROM period_scores WHERE period_id = $1 RETURNING id', [periodId])).length;
}

export async function allAgencyIds(db: Db): Promise<number[]> {
  return (await db.query<{ id: number }>('SELECT id FROM agencies ORDER BY id')).map((r) => r.id);
}

export type AgencyName = { id: number; slug: string; nameFa: string; nameEn: string };

export async function agencyNames(db: Db): Promise<AgencyName[]> {
  return db.query<AgencyName>('SELECT id, slug, name_fa AS "nameFa", name_en AS "nameEn" FROM agencies ORDER BY id');
}
