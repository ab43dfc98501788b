// "Probe now" requests: recorded by the API, claimed by the scheduler process, followed by the
// dashboard through the result rows stored at the request's slot.
import type { Db } from '../client.ts';

export const manualKinds = ['tls', 'speed'] as const;
export type ManualKind = (typeof manualKinds)[number];
export type ProbeRequest = { id: number; targetId: number; url: string; kinds: ManualKind[]; slotAt: Date; enqueuedAt: Date | null; region: string | null };
export type KindProgress = { kind: ManualKind; done: boolean; outcome: string | null; result: string | null };

export async function requestProbe(db: Db, targetId: number, kinds: readonly ManualKind[], by: string, at: Date): Promise<number> {
  const [row] = await db.query<{ id: number }>(`INSERT INTO probe_requests (target_id, kinds, slot_at, requested_by, requested_at)
    VALUES ($1, $2, $3, $4, $3) RETURNING id::int`, [targetId, kinds, at, by]);
  return row!.id;
}

/** Claims requests not yet enqueued (oldest first); SKIP LOCKED keeps two schedulers apart. */
export async function claimProbeRequests(db: Db, region: string, at: Date, limit = 50): Promise<ProbeRequest[]> {
  const rows = await db.query<ProbeRequest & { slotAt: Date | string }>(`UPDATE probe_requests r SET enqueued_at = $2, region = $1
    FROM (SELECT id FROM probe_requests WHERE enqueued_at IS NULL ORDER BY requested_at LIMIT $3 FOR UPDATE SKIP LOCKED) due, targets t
    WHERE r.id = due.id AND t.id = r.target_id
    RETURNING r.id::int, r.target_id::int AS "targetId", t.url, r.kinds, r.slot_at AS "slotAt", r.enqueued_at AS "enqueuedAt", r.region`, [region, at, limit]);
  return rows.map((r) => ({ ...r, slotAt: new Date(r.slotAt) }));
}

export async function probeRequestById(db: Db, id: number): Promise<(ProbeRequest & { agencyId: number; progress: KindProgress[] }) | undefined> {
  const [r] = await db.query<ProbeRequest & { agencyId: number; tls: string | null; tlsGrade: string | null; speed: string | null; speedPct: number | null }>(`
    SELECT r.id::int, r.target_id::int AS "targetId", t.url, t.agency_id::int AS "agencyId", r.kinds, r.slot_at AS "slotAt",
      r.enqueued_at AS "enqueuedAt", r.region, s.outcome AS tls, s.grade AS "tlsGrade", m.outcome AS speed, m.percentage AS "speedPct"
    FROM probe_requests r JOIN targets t ON t.id = r.target_id
    LEFT JOIN tls_scans s ON s.target_id = r.target_id AND s.slot_at = r.slot_at AND s.region = r.region
    LEFT JOIN speed_measurements m ON m.target_id = r.target_id AND m.slot_at = r.slot_at AND m.region = r.region
    WHERE r.id = $1`, [id]);
  if (!r) return undefined;
  const progress = r.kinds.map((kind): KindProgress => kind === 'tls'
    ? { kind, done: r.tls !== null, outcome: r.tls, result: r.tlsGrade }
    : { kind, done: r.speed !== null, outcome: r.speed, result: r.speedPct === null ? null : String(Math.round(Number(r.speedPct))) });
  return { ...r, slotAt: new Date(r.slotAt), progress };
}
