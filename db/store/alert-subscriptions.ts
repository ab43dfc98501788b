// Who hears about incidents: per agency (agency_id) or operators (agency_id NULL), per channel.
import type { Db } from '../client.ts';
import type { ChannelConfig, Locale } from '../../services/alerts/notifier.ts';
import { parseChannelConfig } from '../../services/alerts/channel-config.ts';

export type Subscription = { id: number; agencyId: number | null; config: ChannelConfig; locale: Locale };
export type SubscriptionInput = { agencyId: number | null; locale: Locale; config: unknown };

/** Validates the channel settings before saving; an invalid one is returned as a reason, not saved. */
export async function saveSubscription(db: Db, input: SubscriptionInput): Promise<{ ok: true; id: number } | { ok: false; reason: string }> {
  const parsed = parseChannelConfig(input.config);
  if (!parsed.ok) return parsed;
  const [row] = await db.query<{ id: number }>(`INSERT INTO alert_subscriptions (agency_id, channel, config, locale)
    VALUES ($1, $2, $3::jsonb, $4) RETURNING id::int`, [input.agencyId, parsed.config.channel, JSON.stringify(parsed.config), input.locale]);
  return { ok: true, id: row!.id };
}

export async function disableSubscription(db: Db, id: number, at: Date): Promise<void> {
  await db.query('UPDATE alert_subscriptions SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL', [id, at]);
}

export async function listSubscriptions(db: Db, agencyId: number | null): Promise<Subscription[]> {
  return db.query<Subscription>(`SELECT id::int, agency_id::int AS "agencyId", config, locale FROM alert_subscriptions
    WHERE disabled_at IS NULL AND agency_id IS NOT DISTINCT FROM $1 ORDER BY id`, [agencyId]);
}

export async function subscriptionById(db: Db, id: number): Promise<Subscription | undefined> {
  const [row] = await db.query<Subscription>(`SELECT id::int, agency_id::int AS "agencyId", config, locale FROM alert_subscriptions
    WHERE id = $1 AND disabled_at IS NULL`, [id]);
  return row;
}

/** Live subscriptions, of one agency or (null) all, with the agency slug. */
export async function listAllSubscriptions(db: Db, agencyId: number | null): Promise<Array<Subscription & { agency: string | null }>> {
  return db.query(`SELECT s.id::int, s.agency_id::int AS "agencyId", a.slug AS agency, s.config, s.locale FROM alert_subscriptions s
    LEFT JOIN agencies a ON a.id = s.agency_id WHERE s.disabled_at IS NULL AND ($1::bigint IS NULL OR s.agency_id = $1) ORDER BY s.id`, [agencyId]);
}
