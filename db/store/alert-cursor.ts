// availability_events (issue 3, append-only) read as an outbox: rows after the cursor, in id order.
// The cursor moves in the same transaction that records what the rows caused.
import type { Db } from '../client.ts';

export type AvailabilityEvent = {
  id: number;
  targetId: number | null;
  kind: 'outage_opened' | 'outage_closed' | 'mass_outage';
  at: Date;
  cause: string | null;
  regions: unknown;
  details: Record<string, unknown> | null;
};

const CURSOR = 'availability_events';

/** Locks the cursor row for this transaction and returns where it stands. */
export async function lockCursor(db: Db): Promise<number> {
  const [row] = await db.query<{ last: string | number }>(`SELECT last_event_id AS last FROM alert_cursor WHERE name = $1 FOR UPDATE`, [CURSOR]);
  return Number(row?.last ?? 0);
}

export async function moveCursor(db: Db, lastEventId: number, at: Date): Promise<void> {
  await db.query('UPDATE alert_cursor SET last_event_id = $2, updated_at = $3 WHERE name = $1', [CURSOR, lastEventId, at]);
}

/** The next events after the cursor; none while the availability tables do not exist yet. */
export async function availabilityEventsAfter(db: Db, afterId: number, limit: number): Promise<AvailabilityEvent[]> {
  const [exists] = await db.query<{ ok: boolean }>(`SELECT to_regclass('availability_events') IS NOT NULL AS ok`);
  if (!exists?.ok) return [];
  const rows = await db.query<AvailabilityEvent & { at: Date | string }>(`SELECT id::int, target_id::int AS "targetId", kind, at, cause,
      to_jsonb(regions) AS regions, details
    FROM availability_events WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
