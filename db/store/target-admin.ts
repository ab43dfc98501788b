// Targets as the API manages them (issue 7): list per agency, add, rename, pause/resume, retire.
// A target's URL is never rewritten (its history is evidence): a new URL is a new target.
import type { Db } from '../client.ts';

export type TargetRow = {
  id: number; agencyId: number; agencySlug: string; kind: 'portal' | 'service'; url: string; name: string | null;
  paused: boolean; createdAt: Date; retiredAt: Date | null;
};

const columns = `t.id, t.agency_id AS "agencyId", a.slug AS "agencySlug", t.kind, t.url, t.name, t.paused,
  t.created_at AS "createdAt", t.retired_at AS "retiredAt"`;

export class TargetConflictError extends Error {}

export async function targetById(db: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await db.query<TargetRow>(`SELECT ${columns} FROM targets t JOIN agencies a ON a.id = t.agency_id WHERE t.id = $1`, [id]);
  return row;
}

/** An agency's targets, live ones first; retired ones only when asked for. */
export async function targetsOfAgency(db: Db, agencyId: number, withRetired: boolean): Promise<TargetRow[]> {
  return db.query<TargetRow>(`SELECT ${columns} FROM targets t JOIN agencies a ON a.id = t.agency_id
    WHERE t.agency_id = $1 AND ($2 OR t.retired_at IS NULL) ORDER BY t.retired_at NULLS FIRST, t.id`, [agencyId, withRetired]);
}

export async function insertTarget(db: Db, t: { agencyId: number; kind: 'portal' | 'service'; url: string; name: string | null }): Promise<TargetRow> {
  try {
    const [row] = await db.query<{ id: number }>('INSERT INTO targets (agency_id, kind, url, name) VALUES ($1, $2, $3, $4) RETURNING id',
      [t.agencyId, t.kind, t.url, t.name]);
    return (await targetById(db, row!.id))!;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new TargetConflictError(t.kind === 'portal' ? 'the agency already has a live portal target' : `the agency already has a live target ${t.url}`);
    }
    throw err;
  }
}

/** Changes name and/or paused of a live target; undefined when there is none. */
export async function updateTarget(db: Db, id: number, change: { name?: string | null; paused?: boolean }): Promise<TargetRow | undefined> {
  const rows = await db.query(`UPDATE targets SET name = CASE WHEN $2 THEN $3 ELSE name END, paused = coalesce($4, paused)
    WHERE id = $1 AND retired_at IS NULL RETURNING id`, [id, 'name' in change, change.name ?? null, change.paused ?? null]);
  return rows.length ? targetById(db, id) : undefined;
}

export async function retireTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  const rows = await db.query('UPDATE targets SET retired_at = now() WHERE id = $1 AND retired_at IS NULL RETURNING id', [id]);
  return rows.length ? targetById(db, id) : undefined;
}
