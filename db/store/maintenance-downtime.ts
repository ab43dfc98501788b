// Downtime inside announced maintenance: the part of a target's outages that falls within a
// maintenance window of the target, of its agency, or of everything (neither set), clipped to
// [from, to). Rule sets that do not count maintenance as downtime leave it out of both downtime
// and observed time. Multiranges merge overlapping windows and outages, so nothing counts twice.
// Only announced windows count: created at most 15 minutes after they start (an operator opening
// one "now") and before the measured window ends. A window entered afterwards silenced alerts but
// excuses nothing, and can never change the scores of a period that has ended.
import type { Db } from '../client.ts';

export async function downtimeInMaintenanceS(db: Db, targetId: number, from: Date, to: Date): Promise<number> {
  const [row] = await db.query<{ s: number }>(`WITH w AS (
      SELECT range_agg(tstzrange(greatest(mw.starts_at, $2), least(mw.ends_at, $3))) AS m
      FROM maintenance_windows mw JOIN targets t ON t.id = $1
      WHERE (mw.target_id = t.id OR mw.agency_id = t.agency_id OR (mw.target_id IS NULL AND mw.agency_id IS NULL))
        AND mw.starts_at < $3 AND mw.ends_at > $2
        AND mw.created_at <= least(mw.starts_at + interval '15 minutes', $3)),
    o AS (
      SELECT range_agg(tstzrange(greatest(started_at, $2), least(coalesce(ended_at, $3), $3))) AS m
      FROM outages WHERE target_id = $1 AND started_at < $3 AND coalesce(ended_at, $3) > $2)
    SELECT coalesce((SELECT sum(extract(epoch FROM upper(r) - lower(r))) FROM w, o, unnest(w.m * o.m) AS r), 0)::float8 AS s`,
  [targetId, from, to]);
  return row?.s ?? 0;
}

/** The maintenance windows that apply to a target in [from, to), clipped, for the evidence. */
export async function maintenanceWindowsOf(db: Db, targetId: number, from: Date, to: Date): Promise<Array<{ id: number; from: Date; to: Date }>> {
  return db.query(`SELECT mw.id, greatest(mw.starts_at, $2) AS "from", least(mw.ends_at, $3) AS "to"
    FROM maintenance_windows mw JOIN targets t ON t.id = $1
    WHERE (mw.target_id = t.id OR mw.agency_id = t.agency_id OR (mw.target_id IS NULL AND mw.agency_id IS NULL))
      AND mw.starts_at < $3 AND mw.ends_at > $2
        AND mw.created_at <= least(mw.starts_at + interval '15 minutes', $3) ORDER BY mw.starts_at, mw.id`, [targetId, from, to]);
}
