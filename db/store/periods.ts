// Evaluation periods: named in Persian and English, [startsAt, endsAt) in UTC, scored under one
// rule set version; closed once their scores are frozen.
import type { Db } from '../client.ts';

export type PeriodInput = { slug: string; nameFa: string; nameEn: string; startsAt: Date; endsAt: Date; ruleSetId: string; ruleSetVersion: number };
export type Period = PeriodInput & { id: number; closedAt: Date | null; createdAt: Date };

const columns = `id, slug, name_fa AS "nameFa", name_en AS "nameEn", starts_at AS "startsAt", ends_at AS "endsAt",
  rule_set_id AS "ruleSetId", rule_set_version AS "ruleSetVersion", closed_at AS "closedAt", created_at AS "createdAt"`;

export class PeriodConflictError extends Error {}

export async function createPeriod(db: Db, p: PeriodInput): Promise<Period> {
  try {
    const [row] = await db.query<Period>(`INSERT INTO periods (slug, name_fa, name_en, starts_at, ends_at, rule_set_id, rule_set_version)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
    [p.slug, p.nameFa, p.nameEn, p.startsAt.toISOString(), p.endsAt.toISOString(), p.ruleSetId, p.ruleSetVersion]);
    return row!;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new PeriodConflictError(`a period "${p.slug}" already exists`);
    throw err;
  }
}

export async function periodBySlug(db: Db, slug: string): Promise<Period | undefined> {
  const [row] = await db.query<Period>(`SELECT ${columns} FROM periods WHERE slug = $1`, [slug]);
  return row;
}

export async function listPeriods(db: Db): Promise<Period[]> {
  return db.query<Period>(`SELECT ${columns} FROM periods ORDER BY starts_at DESC, id DESC`);
}

/** Marks a period closed; false when it already was. */
export async function markPeriodClosed(db: Db, id: number): Promise<boolean> {
  return (await db.query('UPDATE periods SET closed_at = now() WHERE id = $1 AND closed_at IS NULL RETURNING id', [id])).length > 0;
}

/**
 * The oldest instant any period's scores rest on: the earliest period start (a period's windows
 * never reach before its start). Raw-check retention must keep everything after it (pass it to
 * dropExpiredPartitions): a closed period's evidence is kept as long as the period is.
 */
export async function oldestEvidenceNeeded(db: Db): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>('SELECT min(starts_at) AS at FROM periods');
  return row?.at ?? null;
}
