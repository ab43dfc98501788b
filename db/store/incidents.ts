// Incidents: an outage, flapping spell, TLS grade drop or certificate expiry of one target (or a
// mass outage). At most one open incident per target and kind (a partial unique index).
import type { Db } from '../client.ts';

export type IncidentKind = 'outage' | 'mass_outage' | 'flapping' | 'tls_grade_drop' | 'cert_expiry';
export type Incident = {
  id: number; targetId: number | null; kind: IncidentKind; openedAt: Date; closedAt: Date | null;
  acknowledgedAt: Date | null; acknowledgedBy: string | null; details: Record<string, unknown>;
};

const cols = (p: string) => `${p}id::int AS id, ${p}target_id::int AS "targetId", ${p}kind AS kind, ${p}opened_at AS "openedAt",
  ${p}closed_at AS "closedAt", ${p}acknowledged_at AS "acknowledgedAt", ${p}acknowledged_by AS "acknowledgedBy", ${p}details AS details`;
const columns = cols('');

/** Opens one, or returns the one already open for this target and kind. */
export async function openIncident(db: Db, targetId: number | null, kind: IncidentKind, at: Date, details: Record<string, unknown> = {}): Promise<{ id: number; opened: boolean }> {
  const [row] = await db.query<{ id: number }>(`INSERT INTO incidents (target_id, kind, opened_at, details) VALUES ($1, $2, $3, $4::jsonb)
    ON CONFLICT (target_id, kind) WHERE closed_at IS NULL DO NOTHING RETURNING id::int`, [targetId, kind, at, JSON.stringify(details)]);
  if (row) return { id: row.id, opened: true };
  const open = await openIncidentOf(db, targetId, kind);
  return { id: open!.id, opened: false };
}

export async function openIncidentOf(db: Db, targetId: number | null, kind: IncidentKind): Promise<Incident | undefined> {
  const [row] = await db.query<Incident>(`SELECT ${columns} FROM incidents
    WHERE target_id IS NOT DISTINCT FROM $1 AND kind = $2 AND closed_at IS NULL`, [targetId, kind]);
  return row;
}

/** Closes the open incident of this target and kind; returns its id, or null if none was open. */
export async function closeIncident(db: Db, targetId: number | null, kind: IncidentKind, at: Date): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(`UPDATE incidents SET closed_at = GREATEST($3, opened_at)
    WHERE target_id IS NOT DISTINCT FROM $1 AND kind = $2 AND closed_at IS NULL RETURNING id::int`, [targetId, kind, at]);
  return row?.id ?? null;
}

export async function acknowledgeIncident(db: Db, id: number, by: string, at: Date): Promise<boolean> {
  const rows = await db.query(`UPDATE incidents SET acknowledged_at = $3, acknowledged_by = $2
    WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`, [id, by, at]);
  return rows.length === 1;
}

/** Open flapping incidents whose last state change is older than `quietSince`. */
export async function quietFlappingIncidents(db: Db, quietSince: Date): Promise<Array<{ id: number; targetId: number }>> {
  return db.query(`SELECT i.id::int, i.target_id::int AS "targetId" FROM incidents i
    WHERE i.kind = 'flapping' AND i.closed_at IS NULL AND NOT EXISTS (
      SELECT 1 FROM alert_events e WHERE e.target_id = i.target_id
        AND e.kind IN ('outage_opened', 'outage_closed') AND e.at > $1)`, [quietSince]);
}

export async function listIncidents(db: Db, filter: { agencyId?: number | null; openOnly?: boolean; limit: number }): Promise<Array<Incident & { agencyId: number | null }>> {
  return db.query(`SELECT ${cols('i.')},
      t.agency_id::int AS "agencyId"
    FROM incidents i LEFT JOIN targets t ON t.id = i.target_id
    WHERE ($1::bigint IS NULL OR t.agency_id = $1) AND (NOT $2 OR i.closed_at IS NULL)
    ORDER BY i.opened_at DESC LIMIT $3`, [filter.agencyId ?? null, filter.openOnly ?? false, filter.limit]);
}
