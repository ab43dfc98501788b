// The append-only outbox of availability transitions. The alerts side reads it by id cursor; the
// dedupe key records each transition once however often the evaluator re-derives a range.
import type { Db } from '../client.ts';
import type { AvailabilityEvent } from '../../services/availability/types.ts';

export type StoredEvent = {
  id: number; targetId: number | null; kind: 'outage_opened' | 'outage_closed' | 'mass_outage';
  atMs: number; cause: string | null; regions: string[]; details: Record<string, unknown>;
};

const insertSql = `INSERT INTO availability_events (target_id, kind, at, cause, regions, details, dedupe_key)
  VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;

/** Records target transitions; returns how many were new. */
export async function recordTransitions(db: Db, targetId: number, events: readonly AvailabilityEvent[]): Promise<number> {
  let added = 0;
  for (const e of events) {
    const key = `${e.kind}:${targetId}:${e.atMs}`;
    const rows = await db.query(insertSql, [targetId, e.kind, new Date(e.atMs), e.cause, e.regions, JSON.stringify(e.details), key]);
    added += rows.length;
  }
  return added;
}

/** One mass_outage event per (region, bucket); true when this call recorded it. Flags the
 *  outages already stored that started in that bucket and were seen from that region. */
export async function recordMassOutage(db: Db, region: string, bucketMs: number, bucketS: number, details: Record<string, unknown>): Promise<boolean> {
  const at = new Date(bucketMs);
  const rows = await db.query(insertSql, [null, 'mass_outage', at, 'mass_outage', [region],
    JSON.stringify({ ...details, bucketS }), `mass_outage:${region}:${bucketMs}`]);
  if (rows.length === 0) return false;
  await flagMassOutages(db, region, bucketMs, bucketMs + bucketS * 1000);
  return true;
}

/** Marks the outages seen from `region` that started in [fromMs, toMs) as part of a mass outage. */
export async function flagMassOutages(db: Db, region: string, fromMs: number, toMs: number): Promise<void> {
  await db.query('UPDATE outages SET mass_outage = true WHERE $1 = ANY(regions) AND started_at >= $2 AND started_at < $3',
    [region, new Date(fromMs), new Date(toMs)]);
}

/** Events after `afterId`, oldest first (the outbox cursor). */
export async function eventsAfter(db: Db, afterId: number, limit = 1000): Promise<StoredEvent[]> {
  const rows = await db.query<Omit<StoredEvent, 'atMs'> & { at_ms: number }>(`SELECT id, target_id AS "targetId", kind,
      (extract(epoch FROM at) * 1000)::float8 AS at_ms, cause, regions, details
    FROM availability_events WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
  return rows.map(({ at_ms, ...r }) => ({ ...r, atMs: Math.round(at_ms) }));
}
