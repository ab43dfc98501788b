// The record of incident transitions (one row per transition, keyed so a replay records nothing
// twice) and their queuing: one delivery per subscription that should hear about it.
import type { Db } from '../client.ts';
import type { AlertEventKind } from '../../services/alerts/messages.ts';

export type Suppression = 'maintenance' | 'flapping';
export type AlertEventInput = {
  key: string; kind: AlertEventKind; at: Date; targetId: number | null; incidentId: number | null;
  payload?: Record<string, unknown>; suppressed: Suppression | null;
};

/**
 * Records the event once; unless suppressed, queues a delivery for each live subscription of the
 * target's agency and for every operators' subscription (agency_id NULL). An event with no target
 * (mass outage) goes to operators only. Returns the new event id, or null if it was already recorded.
 */
export async function recordAlertEvent(db: Db, e: AlertEventInput, firstAttemptAt: Date): Promise<number | null> {
  const [row] = await db.query<{ id: number; agencyId: number | null }>(`INSERT INTO alert_events
      (event_key, kind, at, target_id, agency_id, incident_id, payload, suppressed)
    VALUES ($1, $2, $3, $4, (SELECT agency_id FROM targets WHERE id = $4), $5, $6::jsonb, $7)
    ON CONFLICT (event_key) DO NOTHING RETURNING id::int, agency_id::int AS "agencyId"`,
  [e.key, e.kind, e.at, e.targetId, e.incidentId, JSON.stringify(e.payload ?? {}), e.suppressed]);
  if (!row) return null;
  if (e.suppressed === null) {
    await db.query(`INSERT INTO alert_deliveries (alert_event_id, subscription_id, next_attempt_at)
      SELECT $1, s.id, $3 FROM alert_subscriptions s
      WHERE s.disabled_at IS NULL AND (s.agency_id IS NULL OR s.agency_id = $2)
      ON CONFLICT (alert_event_id, subscription_id) DO NOTHING`, [row.id, row.agencyId, firstAttemptAt]);
  }
  return row.id;
}

/** Times (epoch ms) of the target's up/down transitions after `since`. */
export async function transitionTimes(db: Db, targetId: number, since: Date): Promise<number[]> {
  const rows = await db.query<{ at: Date }>(`SELECT at FROM alert_events WHERE target_id = $1
    AND kind IN ('outage_opened', 'outage_closed') AND at > $2 ORDER BY at`, [targetId, since]);
  return rows.map((r) => new Date(r.at).getTime());
}

export type AlertEventRow = { id: number; key: string; kind: AlertEventKind; at: Date; targetId: number | null; suppressed: Suppression | null; payload: Record<string, unknown> };

export async function listAlertEvents(db: Db, filter: { targetId?: number; limit: number }): Promise<AlertEventRow[]> {
  return db.query<AlertEventRow>(`SELECT id::int, event_key AS key, kind, at, target_id::int AS "targetId", suppressed, payload
    FROM alert_events WHERE ($1::bigint IS NULL OR target_id = $1) ORDER BY id LIMIT $2`, [filter.targetId ?? null, filter.limit]);
}
