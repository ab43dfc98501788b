// Maintenance windows: while one covers a target (directly, through its agency, or globally),
// its transitions are recorded but nobody is notified.
import type { Db } from '../client.ts';

export type MaintenanceInput = { targetId?: number | null; agencyId?: number | null; startsAt: Date; endsAt: Date; reason?: string };
export type MaintenanceWindow = { id: number; targetId: number | null; agencyId: number | null; startsAt: Date; endsAt: Date; reason: string | null };

export async function openMaintenanceWindow(db: Db, w: MaintenanceInput): Promise<number> {
  const [row] = await db.query<{ id: number }>(`INSERT INTO maintenance_windows (target_id, agency_id, starts_at, ends_at, reason)
    VALUES ($1, $2, $3, $4, $5) RETURNING id::int`, [w.targetId ?? null, w.agencyId ?? null, w.startsAt, w.endsAt, w.reason ?? null]);
  return row!.id;
}

/** Is the target (or, for a NULL target, everything) under maintenance at `at`? */
export async function inMaintenance(db: Db, targetId: number | null, at: Date): Promise<boolean> {
  const [row] = await db.query<{ hit: boolean }>(`SELECT EXISTS (
      SELECT 1 FROM maintenance_windows w
      WHERE w.starts_at <= $2 AND w.ends_at > $2
        AND ((w.target_id IS NULL AND w.agency_id IS NULL)
          OR w.target_id = $1
          OR w.agency_id = (SELECT agency_id FROM targets WHERE id = $1))) AS hit`, [targetId, at]);
  return row?.hit === true;
}

export async function listMaintenanceWindows(db: Db, agencyId: number | null, from: Date): Promise<MaintenanceWindow[]> {
  return db.query<MaintenanceWindow>(`SELECT w.id::int, w.target_id::int AS "targetId", w.agency_id::int AS "agencyId",
      w.starts_at AS "startsAt", w.ends_at AS "endsAt", w.reason
    FROM maintenance_windows w LEFT JOIN targets t ON t.id = w.target_id
    WHERE w.ends_at > $2 AND ($1::bigint IS NULL OR w.agency_id = $1 OR t.agency_id = $1)
    ORDER BY w.starts_at`, [agencyId, from]);
}
