// Shared set-up of the alert tests: a migrated database with two agencies and their portal
// targets, availability_events (the availability issue's table; created here with its published
// shape if that migration has not landed), and a clock the test moves.
import type { Db } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { defaultBackoff } from '../../../services/alerts/backoff.ts';
import type { Notifiers } from '../../../services/alerts/notifier.ts';
import type { AlertingDeps } from '../../../services/alerts/process-availability.ts';
import type { DispatchDeps } from '../../../services/alerts/dispatcher.ts';

export const T0 = Date.parse('2026-11-21T06:00:00Z');
export const MIN = 60_000;

export async function prepareAlertDb(db: Db): Promise<{ targetA: number; targetB: number; agencyA: number; agencyB: number }> {
  await migrate(db);
  await db.exec(`CREATE TABLE IF NOT EXISTS availability_events (
    id bigserial PRIMARY KEY, target_id bigint, kind text NOT NULL, at timestamptz NOT NULL,
    cause text, regions text[] NOT NULL, details jsonb NOT NULL DEFAULT '{}'::jsonb, dedupe_key text NOT NULL UNIQUE)`);
  const agencies = await db.query<{ id: number }>(`INSERT INTO agencies (slug, name_fa, name_en, portal_url) VALUES
    ('agency-a', 'سازمان الف', 'Agency A', 'http://127.0.0.1:9/a'), ('agency-b', 'سازمان ب', 'Agency B', 'http://127.0.0.1:9/b')
    RETURNING id::int`);
  const [a, b] = agencies.map((r) => r.id) as [number, number];
  const targets = await db.query<{ id: number }>(`INSERT INTO targets (agency_id, kind, url) VALUES
    ($1, 'portal', 'http://127.0.0.1:9/a'), ($2, 'portal', 'http://127.0.0.1:9/b') RETURNING id::int`, [a, b]);
  return { agencyA: a, agencyB: b, targetA: targets[0]!.id, targetB: targets[1]!.id };
}

export async function addAvailabilityEvent(db: Db, targetId: number | null, kind: string, atMs: number, details: object = {}): Promise<void> {
  await db.query(`INSERT INTO availability_events (target_id, kind, at, cause, regions, details, dedupe_key)
    VALUES ($1, $2, $3, $4, ARRAY['local'], $5::jsonb, $6)`,
  [targetId, kind, new Date(atMs), kind === 'outage_closed' ? null : 'connection_refused', JSON.stringify(details), `${kind}:${targetId}:${atMs}`]);
}

export type Clock = { now: () => number; set: (ms: number) => void; advance: (ms: number) => void };
export function clock(start = T0): Clock {
  let t = start;
  return { now: () => t, set: (ms) => { t = ms; }, advance: (ms) => { t += ms; } };
}

export function alertDeps(c: Clock, notifiers: Notifiers, over: Partial<AlertingDeps & DispatchDeps> = {}): AlertingDeps & DispatchDeps {
  return {
    now: c.now, flap: { windowMs: 30 * MIN, threshold: 4 }, notifiers,
    backoff: { ...defaultBackoff, baseMs: MIN, maxMs: 8 * MIN, maxAttempts: 5 }, logger: silentLogger, sendTimeoutMs: 5_000, ...over,
  };
}
