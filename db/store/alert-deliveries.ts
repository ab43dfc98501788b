// The delivery outbox: claim what is due (a lease, so a crashed dispatcher's claims come back),
// then record each outcome. Several dispatchers may run: SKIP LOCKED keeps their claims apart.
import type { Db } from '../client.ts';
import type { AlertContext } from '../../services/alerts/messages.ts';
import type { ChannelConfig, Locale } from '../../services/alerts/notifier.ts';

export type DueDelivery = { id: number; attempts: number; config: ChannelConfig; locale: Locale; context: AlertContext };

type Row = Omit<DueDelivery, 'context'> & Omit<AlertContext, 'at'> & { at: Date | string };

/** Claims up to `limit` pending deliveries due at `now`: attempts + 1, hidden until now + leaseMs. */
export async function claimDueDeliveries(db: Db, now: Date, leaseMs: number, limit: number): Promise<DueDelivery[]> {
  const rows = await db.query<Row>(`WITH due AS (
      SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED),
    claimed AS (
      UPDATE alert_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $1::timestamptz + ($2::int * interval '1 millisecond')
      FROM due WHERE d.id = due.id RETURNING d.id, d.attempts, d.alert_event_id, d.subscription_id)
    SELECT c.id::int, c.attempts, s.config, s.locale, e.event_key AS "eventKey", e.kind, e.at,
      e.target_id::int AS "targetId", t.url, a.slug AS "agencySlug", a.name_fa AS "agencyFa", a.name_en AS "agencyEn", e.payload
    FROM claimed c JOIN alert_subscriptions s ON s.id = c.subscription_id JOIN alert_events e ON e.id = c.alert_event_id
    LEFT JOIN targets t ON t.id = e.target_id LEFT JOIN agencies a ON a.id = t.agency_id
    ORDER BY c.id`, [now, leaseMs, limit]);
  return rows.map((r) => ({
    id: r.id, attempts: r.attempts, config: r.config, locale: r.locale,
    context: { eventKey: r.eventKey, kind: r.kind, at: new Date(r.at), targetId: r.targetId, url: r.url,
      agencySlug: r.agencySlug, agencyFa: r.agencyFa, agencyEn: r.agencyEn, payload: r.payload },
  }));
}

export async function markDelivered(db: Db, id: number, at: Date): Promise<void> {
  await db.query(`UPDATE alert_deliveries SET status = 'delivered', delivered_at = $2, last_error = NULL WHERE id = $1`, [id, at]);
}

/** A failed try: pending again at `retryAt`, or failed for good when retryAt is null. */
export async function markAttemptFailed(db: Db, id: number, reason: string, retryAt: Date | null): Promise<void> {
  await db.query(`UPDATE alert_deliveries SET last_error = $2,
      status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
      next_attempt_at = COALESCE($3::timestamptz, next_attempt_at) WHERE id = $1`, [id, reason.slice(0, 500), retryAt]);
}

export type DeliveryRow = { id: number; eventKey: string; subscriptionId: number; status: string; attempts: number; lastError: string | null };

export async function listDeliveries(db: Db, limit = 1000): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(`SELECT d.id::int, e.event_key AS "eventKey", d.subscription_id::int AS "subscriptionId",
      d.status, d.attempts, d.last_error AS "lastError"
    FROM alert_deliveries d JOIN alert_events e ON e.id = d.alert_event_id ORDER BY d.id LIMIT $1`, [limit]);
}

/** When the next pending delivery is due (for the dispatcher's sleep), or null. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>(`SELECT min(next_attempt_at) AS at FROM alert_deliveries WHERE status = 'pending'`);
  return row?.at ? new Date(row.at) : null;
}
